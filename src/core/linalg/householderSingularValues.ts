import { InputRangeError } from '../errors.js';

/**
 * Singular values (descending) of an m x n row-major matrix, without singular vectors:
 * Householder bidiagonalisation (Golub and Van Loan, "Matrix Computations", 4th ed., 2013,
 * Alg. 5.4.2, about 4 m n^2 - 4 n^3 / 3 flops) and then the implicit-shift QR iteration on the
 * bidiagonal (Golub and Kahan 1965, in the form of JAMA's SVD, which ml-matrix also uses), O(n^2).
 * Written on typed arrays with row-contiguous inner loops because ml-matrix's values-only SVD
 * walks columns of an array of arrays: at n = 784 it took 2.2-2.5x the CPU time of this one,
 * in the same process. Backward stable: each singular value has absolute error of order
 * n * 2^-52 * s_max. The input is not modified. A wide matrix (m < n) is transposed first.
 */
export function householderSingularValues(a: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const where = 'householderSingularValues';
  if (a.length !== rows * cols) throw new InputRangeError(`${where}: a has ${a.length} entries but ${rows} x ${cols} = ${rows * cols}`);
  // work on a tall copy (m >= n)
  const tall = rows >= cols;
  const m = tall ? rows : cols;
  const n = tall ? cols : rows;
  if (n === 0) return new Float64Array(0);
  const w = new Float64Array(m * n);
  if (tall) w.set(a);
  else for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) w[j * n + i] = a[i * cols + j];
  const { d, e } = bidiagonalize(w, m, n);
  bidiagonalSingularValues(d, e, where);
  for (let i = 0; i < n; i++) d[i] = Math.abs(d[i]);
  return d.sort().reverse();
}

/**
 * Householder bidiagonalisation of a tall m x n row-major matrix in place (overwritten):
 * returns the diagonal d and the superdiagonal e (e[k] couples k and k + 1; e[n - 1] = 0) of
 * B = U^T A V. Left reflectors act on column k, right reflectors on row k; both are applied
 * row by row, in one pass over the rows below k, so that every inner loop is contiguous.
 */
function bidiagonalize(a: Float64Array, m: number, n: number): { d: Float64Array; e: Float64Array } {
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const v = new Float64Array(m);
  const wrow = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    // left reflector H = I - tau v v^T with H x = alpha e_1 for x = A[k:m, k]
    let norm2 = 0;
    for (let i = k; i < m; i++) {
      const x = a[i * n + k];
      v[i] = x;
      norm2 += x * x;
    }
    let tauL = 0;
    if (norm2 === 0) d[k] = 0;
    else {
      const x0 = v[k];
      const alpha = x0 > 0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
      v[k] = x0 - alpha;
      tauL = 2 / (norm2 - x0 * x0 + v[k] * v[k]);
      d[k] = alpha;
      // w = v^T A[k:m, k+1:n], four rows at a time (a quarter of the loads and stores of w)
      wrow.fill(0, k + 1, n);
      let i = k;
      for (; i + 3 < m; i += 4) {
        const v0 = v[i];
        const v1 = v[i + 1];
        const v2 = v[i + 2];
        const v3 = v[i + 3];
        const b0 = i * n;
        const b1 = b0 + n;
        const b2 = b1 + n;
        const b3 = b2 + n;
        for (let j = k + 1; j < n; j++) wrow[j] += v0 * a[b0 + j] + v1 * a[b1 + j] + v2 * a[b2 + j] + v3 * a[b3 + j];
      }
      for (; i < m; i++) {
        const vi = v[i];
        const base = i * n;
        for (let j = k + 1; j < n; j++) wrow[j] += vi * a[base + j];
      }
    }
    // row k after the left reflector: A[k, :] -= tau v_k w
    const rb = k * n;
    const fk = tauL * v[k];
    if (fk !== 0) for (let j = k + 1; j < n; j++) a[rb + j] -= fk * wrow[j];
    if (k >= n - 1) break;
    // right reflector G = I - tauR u u^T on the row x = A[k, k+1:n] (u stored over it); a single
    // entry needs none
    let tauR = 0;
    if (k === n - 2) e[k] = a[rb + k + 1];
    else {
      let r2 = 0;
      for (let j = k + 1; j < n; j++) r2 += a[rb + j] * a[rb + j];
      if (r2 === 0) e[k] = 0;
      else {
        const x0 = a[rb + k + 1];
        const alpha = x0 > 0 ? -Math.sqrt(r2) : Math.sqrt(r2);
        const u0 = x0 - alpha;
        tauR = 2 / (r2 - x0 * x0 + u0 * u0);
        e[k] = alpha;
        a[rb + k + 1] = u0;
      }
    }
    // the rows below, each once while it is in cache: the left update, then the right reflector
    for (let i = k + 1; i < m; i++) {
      const base = i * n;
      const f = tauL * v[i];
      // the left update and the dot product with u in one loop
      let s = 0;
      if (f !== 0)
        for (let j = k + 1; j < n; j++) {
          const x = a[base + j] - f * wrow[j];
          a[base + j] = x;
          s += x * a[rb + j];
        }
      else for (let j = k + 1; j < n; j++) s += a[base + j] * a[rb + j];
      if (tauR === 0) continue;
      const g = tauR * s;
      if (g === 0) continue;
      for (let j = k + 1; j < n; j++) a[base + j] -= g * a[rb + j];
    }
  }
  return { d, e };
}

/**
 * The singular values of the upper bidiagonal matrix with diagonal s and superdiagonal e
 * (e[p - 1] = 0), in place into s (signs not yet fixed, unordered): JAMA's implicit-shift QR
 * sweeps with deflation and splitting, with the singular-vector updates left out.
 */
function bidiagonalSingularValues(s: Float64Array, e: Float64Array, where: string): void {
  let p = s.length;
  const eps = Number.EPSILON;
  const maxSweeps = 75 * p + 100;
  let sweeps = 0;
  while (p > 0) {
    if (++sweeps > maxSweeps) throw new Error(`${where}: the bidiagonal QR iteration did not converge`);
    let k: number;
    let kase: number;
    for (k = p - 2; k >= 0; k--) {
      const alpha = Number.MIN_VALUE + eps * Math.abs(s[k] + Math.abs(s[k + 1]));
      if (Math.abs(e[k]) <= alpha || Number.isNaN(e[k])) {
        e[k] = 0;
        break;
      }
    }
    if (k === p - 2) kase = 4;
    else {
      let ks: number;
      for (ks = p - 1; ks > k; ks--) {
        const t = (ks !== p ? Math.abs(e[ks]) : 0) + (ks !== k + 1 ? Math.abs(e[ks - 1]) : 0);
        if (Math.abs(s[ks]) <= eps * t) {
          s[ks] = 0;
          break;
        }
      }
      if (ks === k) kase = 3;
      else if (ks === p - 1) kase = 1;
      else {
        kase = 2;
        k = ks;
      }
    }
    k++;
    switch (kase) {
      case 1: {
        // s[p-1] is negligible: chase e[p-2] up
        let f = e[p - 2];
        e[p - 2] = 0;
        for (let j = p - 2; j >= k; j--) {
          const t = Math.hypot(s[j], f);
          const cs = s[j] / t;
          const sn = f / t;
          s[j] = t;
          if (j !== k) {
            f = -sn * e[j - 1];
            e[j - 1] = cs * e[j - 1];
          }
        }
        break;
      }
      case 2: {
        // s[k-1] is negligible: split at k
        let f = e[k - 1];
        e[k - 1] = 0;
        for (let j = k; j < p; j++) {
          const t = Math.hypot(s[j], f);
          const cs = s[j] / t;
          const sn = f / t;
          s[j] = t;
          f = -sn * e[j];
          e[j] = cs * e[j];
        }
        break;
      }
      case 3: {
        // one QR sweep with the Wilkinson-type shift from the trailing 2 x 2
        const scale = Math.max(Math.abs(s[p - 1]), Math.abs(s[p - 2]), Math.abs(e[p - 2]), Math.abs(s[k]), Math.abs(e[k]));
        const sp = s[p - 1] / scale;
        const spm1 = s[p - 2] / scale;
        const epm1 = e[p - 2] / scale;
        const sk = s[k] / scale;
        const ek = e[k] / scale;
        const b = ((spm1 + sp) * (spm1 - sp) + epm1 * epm1) / 2;
        const c = sp * epm1 * (sp * epm1);
        let shift = 0;
        if (b !== 0 || c !== 0) {
          shift = b < 0 ? -Math.sqrt(b * b + c) : Math.sqrt(b * b + c);
          shift = c / (b + shift);
        }
        let f = (sk + sp) * (sk - sp) + shift;
        let g = sk * ek;
        for (let j = k; j < p - 1; j++) {
          let t = Math.hypot(f, g);
          if (t === 0) t = Number.MIN_VALUE;
          let cs = f / t;
          let sn = g / t;
          if (j !== k) e[j - 1] = t;
          f = cs * s[j] + sn * e[j];
          e[j] = cs * e[j] - sn * s[j];
          g = sn * s[j + 1];
          s[j + 1] = cs * s[j + 1];
          t = Math.hypot(f, g);
          if (t === 0) t = Number.MIN_VALUE;
          cs = f / t;
          sn = g / t;
          s[j] = t;
          f = cs * e[j] + sn * s[j + 1];
          s[j + 1] = -sn * e[j] + cs * s[j + 1];
          g = sn * e[j + 1];
          e[j + 1] = cs * e[j + 1];
        }
        e[p - 2] = f;
        break;
      }
      default:
        // converged: s[p-1] is a singular value (up to sign)
        p--;
    }
  }
}
