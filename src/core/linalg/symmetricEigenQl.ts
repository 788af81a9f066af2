import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { InputRangeError } from '../errors.js';
import type { SymmetricEigen } from './symmetricEigen.js';

/**
 * Eigen-decomposition of a symmetric d x d matrix (row-major; symmetrised first) by Householder
 * reduction to tridiagonal form and the implicit QL method (ml-matrix's EigenvalueDecomposition,
 * the JAMA tred2/tql2 routines; Golub & Van Loan, "Matrix Computations", 4th ed., 8.3). O(d^3)
 * once instead of Jacobi's 6-10 sweeps of O(d^3): for large d (the 784 x 784 pixel covariance of
 * MNIST) where eigenvalues are needed to absolute accuracy ~1e-16 * ||A|| only, not the high
 * relative accuracy of tiny ones that symmetricEigen's Jacobi gives. Same contract as
 * symmetricEigen: values descending, vectors as columns; `sweeps` is 0 (no Jacobi sweeps).
 */
export function symmetricEigenQl(a: ArrayLike<number>, d: number): SymmetricEigen {
  if (a.length !== d * d) throw new InputRangeError(`symmetricEigenQl: matrix has ${a.length} entries, expected ${d} x ${d}`);
  const A = new Matrix(d, d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      const v = 0.5 * (a[i * d + j] + a[j * d + i]);
      if (!Number.isFinite(v)) throw new InputRangeError(`symmetricEigenQl: matrix has a non-finite entry at index ${i * d + j}`);
      A.set(i, j, v);
    }
  }
  const e = new EigenvalueDecomposition(A, { assumeSymmetric: true });
  const raw = e.realEigenvalues;
  const V = e.eigenvectorMatrix;
  // tql2 sorts ascending; ties keep tql2's order, reversed, so the result is deterministic
  const order = Array.from({ length: d }, (_, i) => d - 1 - i).sort((i, j) => raw[j] - raw[i]);
  const values = new Float64Array(d);
  const vectors = new Float64Array(d * d);
  order.forEach((src, k) => {
    values[k] = raw[src];
    for (let i = 0; i < d; i++) vectors[i * d + k] = V.get(i, src);
  });
  return { values, vectors, sweeps: 0 };
}
