import { svdSquare } from './svd.js';

/**
 * The orthogonal polar factor Q = U V^T of a square matrix M = U S V^T (n x n, row-major): the
 * orthogonal matrix nearest to M in Frobenius norm, the maximiser of tr(Q^T M) over O(n)
 * (Higham, "Functions of Matrices", 2008, Thm 8.4; Schoenemann 1966 for Procrustes). When M is
 * rank deficient Q is not unique; this returns the completion the SVD's basis gives, and every
 * completion attains the same tr(Q^T M).
 */
export function polarFactor(m: Float64Array, n: number): Float64Array {
  const { u, v } = svdSquare(m, n);
  const q = new Float64Array(n * n);
  // Q[i][j] = sum_k U[i][k] V[j][k]: two row dot products, in float64 so Q stays orthogonal to 1e-15
  for (let i = 0; i < n; i++) {
    const ui = i * n;
    for (let j = 0; j < n; j++) {
      const vj = j * n;
      let s = 0;
      for (let k = 0; k < n; k++) s += u[ui + k] * v[vj + k];
      q[ui + j] = s;
    }
  }
  return q;
}
