import { InputRangeError } from '../errors.js';

/** Eigen-decomposition of a real symmetric matrix: A = V diag(values) V^T. */
export interface SymmetricEigen {
  /** Eigenvalues, descending. */
  readonly values: Float64Array;
  /** Eigenvectors as columns of a d x d row-major matrix: vectors[i * d + k] is entry i of vector k. */
  readonly vectors: Float64Array;
  /** Sweeps the Jacobi iteration took. */
  readonly sweeps: number;
}

/**
 * Eigen-decomposition of a symmetric d x d matrix (row-major; only symmetry up to rounding is
 * assumed, the matrix is symmetrised first) by the cyclic Jacobi method with the stable rotation
 * formulas (Golub & Van Loan, "Matrix Computations", 4th ed., section 8.5.2-8.5.3; Rutishauser's
 * update a_pp -= t a_pq, a_qq += t a_pq). Written by hand rather than adding a linear-algebra
 * package because Jacobi is short, needs no pivoting choices, and yields eigenvectors that are
 * orthogonal to working precision with small eigenvalues computed to high relative accuracy,
 * which matters for ZCA where 1/sqrt(lambda + eps) amplifies the smallest ones. Cost: about
 * 6-10 sweeps of O(d^3) each (under a second for d = 256). Stops when the off-diagonal Frobenius
 * norm falls below 1e-15 of the total norm.
 */
export function symmetricEigen(a: ArrayLike<number>, d: number, maxSweeps = 60): SymmetricEigen {
  if (a.length !== d * d) throw new InputRangeError(`symmetricEigen: matrix has ${a.length} entries, expected ${d} x ${d}`);
  const A = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) A[i * d + j] = 0.5 * (a[i * d + j] + a[j * d + i]);
  for (let i = 0; i < A.length; i++) if (!Number.isFinite(A[i])) throw new InputRangeError(`symmetricEigen: matrix has a non-finite entry at index ${i}`);
  const V = new Float64Array(d * d);
  for (let i = 0; i < d; i++) V[i * d + i] = 1;
  let total = 0;
  for (let i = 0; i < A.length; i++) total += A[i] * A[i];
  let sweeps = 0;
  for (; sweeps < maxSweeps; sweeps++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += 2 * A[p * d + q] * A[p * d + q];
    if (off <= 1e-30 * total || off === 0) break;
    for (let p = 0; p < d - 1; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = A[p * d + q];
        if (apq === 0) continue;
        const app = A[p * d + p];
        const aqq = A[q * d + q];
        const theta = (aqq - app) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          if (k === p || k === q) continue;
          const akp = A[k * d + p];
          const akq = A[k * d + q];
          const np = c * akp - s * akq;
          const nq = s * akp + c * akq;
          A[k * d + p] = np;
          A[p * d + k] = np;
          A[k * d + q] = nq;
          A[q * d + k] = nq;
        }
        A[p * d + p] = app - t * apq;
        A[q * d + q] = aqq + t * apq;
        A[p * d + q] = 0;
        A[q * d + p] = 0;
        for (let k = 0; k < d; k++) {
          const vkp = V[k * d + p];
          const vkq = V[k * d + q];
          V[k * d + p] = c * vkp - s * vkq;
          V[k * d + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: d }, (_, i) => i).sort((i, j) => A[j * d + j] - A[i * d + i]);
  const values = new Float64Array(d);
  const vectors = new Float64Array(d * d);
  order.forEach((src, k) => {
    values[k] = A[src * d + src];
    for (let i = 0; i < d; i++) vectors[i * d + k] = V[i * d + src];
  });
  return { values, vectors, sweeps };
}
