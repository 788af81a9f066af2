import { Matrix, SingularValueDecomposition } from 'ml-matrix';

/** A thin SVD a = U diag(s) V^T of a square n x n matrix, all row-major Float64Array, s descending. */
export interface Svd {
  readonly u: Float64Array;
  readonly s: Float64Array;
  readonly v: Float64Array;
  readonly n: number;
}

function toMatrix(a: Float64Array, n: number): Matrix {
  return Matrix.from1DArray(n, n, a);
}

function flat(m: Matrix): Float64Array {
  const n = m.rows;
  const out = new Float64Array(n * m.columns);
  for (let i = 0; i < n; i++) out.set(m.getRow(i), i * m.columns);
  return out;
}

/**
 * SVD of a square n x n row-major matrix (ml-matrix's Golub-Kahan-Reinsch, the JAMA algorithm:
 * about 8 s at n = 784 on this machine, 2 s for singular values alone). Singular values have
 * absolute error of order 1e-16 * s_max.
 */
export function svdSquare(a: Float64Array, n: number): Svd {
  const d = new SingularValueDecomposition(toMatrix(a, n), { autoTranspose: false });
  return { u: flat(d.leftSingularVectors), s: Float64Array.from(d.diagonal), v: flat(d.rightSingularVectors), n };
}

/** Singular values of a square n x n row-major matrix, descending. */
export function singularValues(a: Float64Array, n: number): Float64Array {
  const d = new SingularValueDecomposition(toMatrix(a, n), {
    autoTranspose: false,
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
  });
  return Float64Array.from(d.diagonal);
}

/** sigma_max / sigma_min of a square matrix; Infinity when sigma_min is 0 (or below 1e-300). */
export function conditionNumber(a: Float64Array, n: number): number {
  const s = singularValues(a, n);
  let hi = 0;
  let lo = Infinity;
  for (const v of s) {
    hi = Math.max(hi, v);
    lo = Math.min(lo, v);
  }
  return lo > 1e-300 ? hi / lo : Infinity;
}
