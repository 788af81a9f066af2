import { pearson } from '../core/pearson.js';
import { matmul } from '../engine/matmul.js';

/** Subtract each row's mean and scale it to unit norm (rows of length n); zero rows stay zero. */
export function centeredUnitRows(x: Float32Array, rows: number, n: number): Float32Array {
  const out = new Float32Array(rows * n);
  for (let r = 0; r < rows; r++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[r * n + i];
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const v = x[r * n + i] - mean;
      out[r * n + i] = v;
      ss += v * v;
    }
    const inv = ss > 0 ? 1 / Math.sqrt(ss) : 0;
    for (let i = 0; i < n; i++) out[r * n + i] *= inv;
  }
  return out;
}

/**
 * Centred cosine similarity (the Pearson correlation of pixel values) between every row of A
 * (a x n) and every row of B (b x n), as an a x b matrix. Centring makes a filter that is a bar on
 * a negative background match the 0/1 bar it detects; constant rows have similarity 0.
 */
export async function centeredCosines(a: Float32Array, aRows: number, b: Float32Array, bRows: number, n: number): Promise<Float32Array> {
  const ua = centeredUnitRows(a, aRows, n);
  const ub = centeredUnitRows(b, bRows, n);
  return (await matmul(ua, [aRows, n], ub, [bRows, n], { transB: true })).data;
}

/** Centred cosine of two vectors (slow path for single pairs): their Pearson correlation, 0 when either is constant. */
export function centeredCosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const r = pearson(a, b);
  return Number.isNaN(r) ? 0 : r;
}

/** Plain (uncentred) cosine of two vectors; 0 when either is zero. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}
