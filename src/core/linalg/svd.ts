import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { householderSingularValues } from './householderSingularValues.js';

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
 * 8.5 s at n = 784 on a quiet 2-core machine, 13 s under load; ml-matrix's values-only run,
 * 2.3 s, is replaced by householderSingularValues in `singularValues`). Singular values have
 * absolute error of order 1e-16 * s_max. Measured against the
 * alternative of a symmetric eigendecomposition of M^T M (ml-matrix EVD: 3.5 s quiet, 7.5 s
 * loaded, plus three n^3 float64 products in JS for M V, U V^T and an orthogonality polish,
 * 0.5-2.4 s each): no faster end to end, and it squares the condition number, so the SVD stays.
 */
export function svdSquare(a: Float64Array, n: number): Svd {
  const d = new SingularValueDecomposition(toMatrix(a, n), { autoTranspose: false });
  return { u: flat(d.leftSingularVectors), s: Float64Array.from(d.diagonal), v: flat(d.rightSingularVectors), n };
}

/** Singular values of a square n x n row-major matrix, descending (householderSingularValues: no vectors). */
export function singularValues(a: Float64Array, n: number): Float64Array {
  return householderSingularValues(a, n, n);
}

/** Conditioning of a square matrix at a relative singular-value tolerance. */
export interface Conditioning {
  /** sigma_max / sigma_min, or Infinity when the matrix is numerically singular (rank < n). */
  readonly conditionNumber: number;
  /** Numerical rank: the number of singular values above tolerance * sigma_max. */
  readonly rank: number;
}

/**
 * Condition number and numerical rank of a square n x n matrix from its singular values: a
 * singular value at or below `tolerance` * sigma_max counts as zero, and then the condition
 * number is Infinity, since the ratio would be rounding noise rather than a number to report.
 * The zero matrix has rank 0 and condition number Infinity.
 */
export function conditioning(a: Float64Array, n: number, tolerance: number): Conditioning {
  const s = singularValues(a, n);
  let hi = 0;
  let lo = Infinity;
  for (const v of s) {
    hi = Math.max(hi, v);
    lo = Math.min(lo, v);
  }
  let rank = 0;
  for (const v of s) if (hi > 0 && v > tolerance * hi) rank++;
  return { conditionNumber: rank === n ? hi / lo : Infinity, rank };
}
