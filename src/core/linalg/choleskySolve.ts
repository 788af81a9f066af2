import { InputRangeError } from '../errors.js';

/**
 * Solve S Z = R for symmetric positive definite S (n x n) and R (n x m), both row-major
 * Float64Array, by Cholesky S = L L^T then forward and back substitution. Cost n^3/3 + 2 n^2 m.
 * Written by hand because ml-matrix's Cholesky on nested arrays took 4.5 s at n = 784 where this
 * row-oriented flat version takes well under a second. Throws InputRangeError naming `where` when
 * a pivot is not positive (S singular or indefinite to working precision).
 */
export function choleskySolve(where: string, s: Float64Array, r: Float64Array, n: number, m: number): Float64Array {
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = s[rj + j];
    for (let k = 0; k < j; k++) d -= L[rj + k] * L[rj + k];
    if (!(d > 0)) throw new InputRangeError(`${where}: the inputs are linearly dependent (the Gram matrix is singular at pivot ${j})`);
    const ljj = Math.sqrt(d);
    L[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let v = s[ri + j];
      for (let k = 0; k < j; k++) v -= L[ri + k] * L[rj + k];
      L[ri + j] = v / ljj;
    }
  }
  // forward: L W = R, row by row
  const z = Float64Array.from(r);
  for (let i = 0; i < n; i++) {
    const zi = i * m;
    for (let k = 0; k < i; k++) {
      const l = L[i * n + k];
      if (l === 0) continue;
      const zk = k * m;
      for (let c = 0; c < m; c++) z[zi + c] -= l * z[zk + c];
    }
    const inv = 1 / L[i * n + i];
    for (let c = 0; c < m; c++) z[zi + c] *= inv;
  }
  // back: L^T Z = W
  for (let i = n - 1; i >= 0; i--) {
    const zi = i * m;
    for (let k = i + 1; k < n; k++) {
      const l = L[k * n + i];
      if (l === 0) continue;
      const zk = k * m;
      for (let c = 0; c < m; c++) z[zi + c] -= l * z[zk + c];
    }
    const inv = 1 / L[i * n + i];
    for (let c = 0; c < m; c++) z[zi + c] *= inv;
  }
  return z;
}
