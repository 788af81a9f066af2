import { InputRangeError } from '../errors.js';
import type { SymmetricEigen } from './symmetricEigen.js';

/**
 * Eigen-decomposition of a symmetric d x d matrix (row-major; symmetrised first) by Householder
 * reduction to tridiagonal form and the implicit QL method (the JAMA tred2/tql2 routines as
 * ml-matrix 6.15's EigenvalueDecomposition has them; Golub & Van Loan, "Matrix Computations", 4th
 * ed., 8.3). O(d^3) once instead of Jacobi's 6-10 sweeps of O(d^3): for large d (the 784 x 784
 * pixel covariance of MNIST) where eigenvalues are needed to absolute accuracy ~1e-16 * ||A||
 * only, not the high relative accuracy of tiny ones that symmetricEigen's Jacobi gives. Same
 * contract as symmetricEigen: values descending, vectors as columns; `sweeps` is 0 (no Jacobi
 * sweeps). Ported by hand to one flat Float64Array, every operation in ml-matrix's order, so the
 * same bits (a test compares them): its Matrix of row arrays with get/set took 3.5 CPU s at
 * d = 784 where this takes 1.9.
 */
export function symmetricEigenQl(a: ArrayLike<number>, d: number): SymmetricEigen {
  if (a.length !== d * d) throw new InputRangeError(`symmetricEigenQl: matrix has ${a.length} entries, expected ${d} x ${d}`);
  // V transposed, as ml-matrix stores it (both routines walk V's columns): T[j * d + i] = V(i, j)
  const T = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      const v = 0.5 * (a[i * d + j] + a[j * d + i]);
      if (!Number.isFinite(v)) throw new InputRangeError(`symmetricEigenQl: matrix has a non-finite entry at index ${i * d + j}`);
      T[j * d + i] = v;
    }
  }
  const raw = new Float64Array(d);
  const e = new Float64Array(d);
  if (d > 0) {
    tred2(d, e, raw, T);
    tql2(d, e, raw, T);
  }
  // tql2 sorts ascending; ties keep tql2's order, reversed, so the result is deterministic
  const order = Array.from({ length: d }, (_, i) => d - 1 - i).sort((i, j) => raw[j] - raw[i]);
  const values = new Float64Array(d);
  const vectors = new Float64Array(d * d);
  order.forEach((src, k) => {
    values[k] = raw[src];
    for (let i = 0; i < d; i++) vectors[i * d + k] = T[src * d + i];
  });
  return { values, vectors, sweeps: 0 };
}

/** sqrt(a^2 + b^2) without overflow, as ml-matrix computes it. */
function hypotenuse(a: number, b: number): number {
  let r = 0;
  if (Math.abs(a) > Math.abs(b)) { r = b / a; return Math.abs(a) * Math.sqrt(1 + r * r); }
  if (b !== 0) { r = a / b; return Math.abs(b) * Math.sqrt(1 + r * r); }
  return 0;
}
/** Householder reduction of the symmetric matrix in V (transposed storage) to tridiagonal d (diagonal), e (off-diagonal); V accumulates the transformations. */
function tred2(n: number, e: Float64Array, d: Float64Array, V: Float64Array): void {
  let f, g, h, hh, scale;
  for (let j = 0; j < n; j++) d[j] = V[j * n + n - 1];
  for (let i = n - 1; i > 0; i--) {
    scale = 0; h = 0;
    for (let k = 0; k < i; k++) scale = scale + Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) { d[j] = V[j * n + i - 1]; V[j * n + i] = 0; V[i * n + j] = 0; }
    } else {
      for (let k = 0; k < i; k++) { d[k] /= scale; h += d[k] * d[k]; }
      f = d[i - 1];
      g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h = h - f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j];
        V[i * n + j] = f;
        const rj = j * n;
        g = e[j] + V[rj + j] * f;
        for (let k = j + 1; k <= i - 1; k++) { const v = V[rj + k]; g += v * d[k]; e[k] += v * f; }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) { e[j] /= h; f += e[j] * d[j]; }
      hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j]; g = e[j];
        const rj = j * n;
        for (let k = j; k <= i - 1; k++) V[rj + k] = V[rj + k] - (f * e[k] + g * d[k]);
        d[j] = V[rj + i - 1];
        V[rj + i] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    V[i * n + n - 1] = V[i * n + i];
    V[i * n + i] = 1;
    h = d[i + 1];
    const ri1 = (i + 1) * n;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = V[ri1 + k] / h;
      // rows j are independent here: four at a time share the loads of row i + 1 and d, each
      // dot product and each update in JAMA's order
      let j = 0;
      for (; j + 4 <= i + 1; j += 4) {
        const r0 = j * n;
        const r1 = r0 + n;
        const r2 = r1 + n;
        const r3 = r2 + n;
        let g0 = 0, g1 = 0, g2 = 0, g3 = 0;
        for (let k = 0; k <= i; k++) {
          const v = V[ri1 + k];
          g0 += v * V[r0 + k];
          g1 += v * V[r1 + k];
          g2 += v * V[r2 + k];
          g3 += v * V[r3 + k];
        }
        for (let k = 0; k <= i; k++) {
          const dk = d[k];
          V[r0 + k] = V[r0 + k] - g0 * dk;
          V[r1 + k] = V[r1 + k] - g1 * dk;
          V[r2 + k] = V[r2 + k] - g2 * dk;
          V[r3 + k] = V[r3 + k] - g3 * dk;
        }
      }
      for (; j <= i; j++) {
        g = 0;
        const rj = j * n;
        for (let k = 0; k <= i; k++) g += V[ri1 + k] * V[rj + k];
        for (let k = 0; k <= i; k++) V[rj + k] = V[rj + k] - g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) V[ri1 + k] = 0;
  }
  for (let j = 0; j < n; j++) { d[j] = V[j * n + n - 1]; V[j * n + n - 1] = 0; }
  V[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}
/** Implicit QL on the tridiagonal (d, e): eigenvalues into d (ascending), V rotated into the eigenvectors (rows of the transposed storage). */
function tql2(n: number, e: Float64Array, d: Float64Array, V: Float64Array): void {
  let g, h, m, p, r, dl1, c, c2, c3, el1, s, s2;
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  // the sweep's rotations (rows i, i + 1 by c_i, s_i), applied to V after the sweep
  const cs = new Float64Array(n);
  const sn = new Float64Array(n);
  let f = 0, tst1 = 0;
  const eps = Number.EPSILON;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    m = l;
    while (m < n) { if (Math.abs(e[m]) <= eps * tst1) break; m++; }
    if (m > l) {
      do {
        g = d[l];
        p = (d[l + 1] - g) / (2 * e[l]);
        r = hypotenuse(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        dl1 = d[l + 1];
        h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f = f + h;
        p = d[m];
        c = 1; c2 = c; c3 = c;
        el1 = e[l + 1];
        s = 0; s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2; c2 = c; s2 = s;
          g = c * e[i];
          h = c * p;
          r = hypotenuse(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          cs[i] = c;
          sn[i] = s;
        }
        rotateRows(V, n, l, m, cs, sn);
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * tst1);
    }
    d[l] = d[l] + f;
    e[l] = 0;
  }
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    p = d[i];
    for (let j = i + 1; j < n; j++) if (d[j] < p) { k = j; p = d[j]; }
    if (k !== i) {
      d[k] = d[i]; d[i] = p;
      for (let j = 0; j < n; j++) { p = V[i * n + j]; V[i * n + j] = V[k * n + j]; V[k * n + j] = p; }
    }
  }
}

/**
 * Rows i and i + 1 of V (n x n) rotated by (c_i, s_i) for i = m - 1 down to l, as tql2 does one
 * rotation at a time: each entry gets the same operations in the same order, but passes through
 * memory once (the row between two rotations stays in locals), four columns at a time.
 */
function rotateRows(V: Float64Array, n: number, l: number, m: number, cs: Float64Array, sn: Float64Array): void {
  let k0 = 0;
  for (; k0 + 4 <= n; k0 += 4) {
    // x_j is row i + 1's entry in column k0 + j before rotation i
    let x0 = V[m * n + k0], x1 = V[m * n + k0 + 1], x2 = V[m * n + k0 + 2], x3 = V[m * n + k0 + 3];
    for (let i = m - 1; i >= l; i--) {
      const c = cs[i];
      const s = sn[i];
      const o = i * n + k0;
      const v0 = V[o], v1 = V[o + 1], v2 = V[o + 2], v3 = V[o + 3];
      V[o + n] = s * v0 + c * x0;
      V[o + n + 1] = s * v1 + c * x1;
      V[o + n + 2] = s * v2 + c * x2;
      V[o + n + 3] = s * v3 + c * x3;
      x0 = c * v0 - s * x0;
      x1 = c * v1 - s * x1;
      x2 = c * v2 - s * x2;
      x3 = c * v3 - s * x3;
    }
    const o = l * n + k0;
    V[o] = x0;
    V[o + 1] = x1;
    V[o + 2] = x2;
    V[o + 3] = x3;
  }
  for (let k = k0; k < n; k++) {
    let x = V[m * n + k];
    for (let i = m - 1; i >= l; i--) {
      const vi = V[i * n + k];
      V[(i + 1) * n + k] = sn[i] * vi + cs[i] * x;
      x = cs[i] * vi - sn[i] * x;
    }
    V[l * n + k] = x;
  }
}
