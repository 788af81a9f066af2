/**
 * 3x3 matrices (row-major Float64Array(9)) acting on homogeneous pixel coordinates (u, v, 1):
 * the small dense kernels under the image-plane Lie groups. Affine elements have last row
 * (0, 0, 1); Lie-algebra elements have last row (0, 0, 0).
 */
import { InputRangeError } from '../../core/errors.js';

/** A 3x3 matrix, row-major. */
export type Mat3 = Float64Array<ArrayBuffer>;

/** The 3x3 identity. */
export function mat3Identity(): Mat3 {
  return Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1);
}

/** Product a b (apply b first, then a, as maps of the plane). */
export function mat3Mul(a: ArrayLike<number>, b: ArrayLike<number>): Mat3 {
  const c = new Float64Array(9);
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
  return c;
}

/** a + s b. */
export function mat3AddScaled(a: ArrayLike<number>, b: ArrayLike<number>, s: number): Mat3 {
  const c = new Float64Array(9);
  for (let i = 0; i < 9; i++) c[i] = a[i] + s * b[i];
  return c;
}

/** Largest absolute row sum (the infinity norm). */
export function mat3Norm(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < 3; i++) m = Math.max(m, Math.abs(a[3 * i]) + Math.abs(a[3 * i + 1]) + Math.abs(a[3 * i + 2]));
  return m;
}

/** Inverse of an affine matrix (last row 0 0 1); throws on a singular linear part. */
export function affineInverse(m: ArrayLike<number>): Mat3 {
  const [a, b, tx, c, d, ty] = [m[0], m[1], m[2], m[3], m[4], m[5]];
  const det = a * d - b * c;
  if (!(Math.abs(det) > 1e-300)) throw new InputRangeError(`affineInverse: linear part [[${a}, ${b}], [${c}, ${d}]] is singular`);
  const ia = d / det;
  const ib = -b / det;
  const ic = -c / det;
  const id = a / det;
  return Float64Array.of(ia, ib, -(ia * tx + ib * ty), ic, id, -(ic * tx + id * ty), 0, 0, 1);
}

/**
 * Matrix exponential by scaling and squaring with an 18-term Taylor series: scale so that
 * ||A / 2^s|| <= 1/2, where the truncation error is below 1e-17 (Moler and Van Loan, "Nineteen
 * dubious ways to compute the exponential of a matrix", SIAM Review 45 (2003), sec. 3).
 */
export function mat3Exp(a: ArrayLike<number>): Mat3 {
  const norm = mat3Norm(a);
  const s = norm > 0.5 ? Math.ceil(Math.log2(norm / 0.5)) : 0;
  const scaled = Float64Array.from(a, (x) => x / 2 ** s);
  let term = mat3Identity();
  let sum = mat3Identity();
  for (let k = 1; k <= 18; k++) {
    term = mat3Mul(term, scaled).map((x) => x / k);
    sum = mat3AddScaled(sum, term, 1);
  }
  for (let i = 0; i < s; i++) sum = mat3Mul(sum, sum);
  return sum;
}

/** Inverse of a general 3x3 matrix (adjugate over determinant). */
function mat3Inverse(m: ArrayLike<number>): Mat3 {
  const [a, b, c, d, e, f, g, h, i] = Array.from(m);
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (!(Math.abs(det) > 1e-300)) throw new InputRangeError('mat3Log: matrix is singular');
  return Float64Array.of(A, -(b * i - c * h), b * f - c * e, B, a * i - c * g, -(a * f - c * d), C, -(a * h - b * g), a * e - b * d).map((x) => x / det);
}

/**
 * Principal matrix logarithm of an affine matrix whose linear part has no eigenvalue on the
 * closed negative real axis, by inverse scaling and squaring: Denman-Beavers square roots until
 * ||M - I|| <= 1/4, then the series log(I + X) = X - X^2/2 + ... (40 terms, error < 1e-25),
 * times 2^k (Higham, "Functions of Matrices", SIAM 2008, sec. 11.5). Throws InputRangeError when
 * the logarithm does not exist or is not real.
 */
export function mat3Log(m: ArrayLike<number>): Mat3 {
  const det = m[0] * m[4] - m[1] * m[3];
  const tr = m[0] + m[4];
  // eigenvalues of the 2x2 linear part: real negative ones (or zero) have no real principal log
  const disc = tr * tr - 4 * det;
  if (det <= 0 || (disc >= 0 && (tr - Math.sqrt(disc)) / 2 <= 0)) {
    throw new InputRangeError(`mat3Log: linear part [[${m[0]}, ${m[1]}], [${m[3]}, ${m[4]}]] has an eigenvalue <= 0, so no real principal logarithm`);
  }
  if (disc < 0 && Math.abs(Math.atan2(Math.sqrt(-disc), tr)) > Math.PI - 1e-12) {
    throw new InputRangeError('mat3Log: rotation angle is pi, where the principal logarithm is not unique');
  }
  let y: Mat3 = Float64Array.from(m);
  let k = 0;
  while (mat3Norm(mat3AddScaled(y, mat3Identity(), -1)) > 0.25) {
    if (k > 60) throw new InputRangeError('mat3Log: square roots did not converge');
    // Denman-Beavers: Y <- (Y + Z^-1)/2, Z <- (Z + Y^-1)/2 converges to sqrt(M), Z to its inverse
    let z = mat3Identity();
    for (let it = 0; it < 100; it++) {
      const yi = mat3Inverse(y);
      const zi = mat3Inverse(z);
      const yn = mat3AddScaled(y, zi, 1).map((x) => x / 2);
      const zn = mat3AddScaled(z, yi, 1).map((x) => x / 2);
      const change = mat3Norm(mat3AddScaled(yn, y, -1));
      y = yn;
      z = zn;
      if (change <= 1e-15 * Math.max(1, mat3Norm(y))) break;
    }
    k++;
  }
  const x = mat3AddScaled(y, mat3Identity(), -1);
  let power = Float64Array.from(x);
  let sum = new Float64Array(9);
  for (let n = 1; n <= 40; n++) {
    sum = mat3AddScaled(sum, power, (n % 2 === 1 ? 1 : -1) / n);
    power = mat3Mul(power, x);
  }
  return sum.map((v) => v * 2 ** k);
}
