import { InputRangeError } from '../errors.js';

/** Column means and centred scatter of a matrix of rows. */
export interface CenteredScatter {
  /** Column means (d, float64). */
  readonly mean: Float64Array;
  /** Upper triangle (p <= q) of S = sum_i (x_i - mean)(x_i - mean)^T (d x d row-major, float64); the lower triangle is 0. */
  readonly upper: Float64Array;
}

// by rows array and shape: a run's training rows are one array, whose covariance C2's variance
// shares and C5's PCA control both need (a 9,000 x 784 pass on MNIST)
const cache = new WeakMap<Float32Array, Map<string, CenteredScatter>>();

// rows per panel: a panel of centred columns (PANEL x active columns, float64) stays in cache
// (1.4 MiB at MNIST's 717 non-constant pixels) while every 4 x 4 block of S sweeps it
const PANEL = 256;

/**
 * The column means and the centred scatter matrix (upper triangle) of `count` rows of `d` values,
 * in float64, computed once per rows array and shape and shared by every caller (who must not
 * modify it): the covariance is upper / count or upper / (count - 1).
 *
 * Each entry is the sum over rows i = 0, 1, ..., count - 1, in that order, of the products
 * (x_ip - mean_p)(x_iq - mean_q), rounded after every product and every addition: the same bits as
 * the plain double loop (and so results that do not depend on this function's speed). Written by
 * hand rather than as an ONNX Runtime GEMM because a GEMM reorders (and in float32 truncates) the
 * sums; the speed comes from order-preserving blocking instead: S is computed in 4 x 4 blocks with
 * 16 running sums in locals, over panels of PANEL rows of the centred columns laid out column by
 * column, and columns that are constant (centred to exact zeros, such as MNIST's empty border)
 * are skipped: their terms are all zero and leave the sums unchanged. Cost d'^2 count / 2
 * multiply-adds for d' non-constant columns (about 0.5 s at 9,000 x 784 on MNIST, against 3.8 s
 * for the row-by-row loop that swept all of S once per row).
 */
export function centeredScatter(rows: Float32Array, count: number, d: number): CenteredScatter {
  if (rows.length < count * d) throw new InputRangeError(`centeredScatter: ${rows.length} values hold fewer than ${count} rows of ${d}`);
  let byShape = cache.get(rows);
  if (!byShape) cache.set(rows, (byShape = new Map()));
  const key = `${count}/${d}`;
  const hit = byShape.get(key);
  if (hit) return hit;
  const mean = new Float64Array(d);
  for (let i = 0; i < count; i++) for (let p = 0; p < d; p++) mean[p] += rows[i * d + p];
  for (let p = 0; p < d; p++) {
    mean[p] /= count;
    if (!Number.isFinite(mean[p])) throw new InputRangeError(`centeredScatter: column ${p} holds a non-finite value`);
  }
  // the non-constant columns, in order (a constant column centres to exact zeros)
  const active: number[] = [];
  for (let p = 0; p < d; p++) {
    for (let i = 0; i < count; i++) {
      if (rows[i * d + p] - mean[p] !== 0) {
        active.push(p);
        break;
      }
    }
  }
  const upper = new Float64Array(d * d);
  const m = active.length;
  // blocks of 4 columns: the last block is padded with a zero column (its sums are never stored)
  const mPad = Math.ceil(m / 4) * 4;
  const panel = new Float64Array(mPad * PANEL);
  const sums = new Float64Array(mPad * mPad);
  for (let start = 0; start < count; start += PANEL) {
    const len = Math.min(PANEL, count - start);
    // centred panel, column after column: panel[c * len + r] = x_(start + r)(active c) - mean
    for (let c = 0; c < m; c++) {
      const p = active[c];
      const mp = mean[p];
      const o = c * len;
      for (let r = 0; r < len; r++) panel[o + r] = rows[(start + r) * d + p] - mp;
    }
    panel.fill(0, m * len, mPad * len);
    for (let a = 0; a < mPad; a += 4) {
      const a0 = a * len;
      const a1 = a0 + len;
      const a2 = a1 + len;
      const a3 = a2 + len;
      for (let b = a; b < mPad; b += 4) {
        const b0 = b * len;
        const b1 = b0 + len;
        const b2 = b1 + len;
        const b3 = b2 + len;
        const s0 = a * mPad + b;
        const s1 = s0 + mPad;
        const s2 = s1 + mPad;
        const s3 = s2 + mPad;
        let c00 = sums[s0], c01 = sums[s0 + 1], c02 = sums[s0 + 2], c03 = sums[s0 + 3];
        let c10 = sums[s1], c11 = sums[s1 + 1], c12 = sums[s1 + 2], c13 = sums[s1 + 3];
        let c20 = sums[s2], c21 = sums[s2 + 1], c22 = sums[s2 + 2], c23 = sums[s2 + 3];
        let c30 = sums[s3], c31 = sums[s3 + 1], c32 = sums[s3 + 2], c33 = sums[s3 + 3];
        for (let r = 0; r < len; r++) {
          const x0 = panel[a0 + r], x1 = panel[a1 + r], x2 = panel[a2 + r], x3 = panel[a3 + r];
          const y0 = panel[b0 + r], y1 = panel[b1 + r], y2 = panel[b2 + r], y3 = panel[b3 + r];
          c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
          c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
          c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
          c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
        }
        sums[s0] = c00; sums[s0 + 1] = c01; sums[s0 + 2] = c02; sums[s0 + 3] = c03;
        sums[s1] = c10; sums[s1 + 1] = c11; sums[s1 + 2] = c12; sums[s1 + 3] = c13;
        sums[s2] = c20; sums[s2 + 1] = c21; sums[s2 + 2] = c22; sums[s2 + 3] = c23;
        sums[s3] = c30; sums[s3 + 1] = c31; sums[s3 + 2] = c32; sums[s3 + 3] = c33;
      }
    }
  }
  for (let a = 0; a < m; a++) for (let b = a; b < m; b++) upper[active[a] * d + active[b]] = sums[a * mPad + b];
  const out = { mean, upper };
  byShape.set(key, out);
  return out;
}
