import { InputRangeError } from '../errors.js';

/** Column means and centred scatter of a matrix of rows. */
export interface CenteredScatter {
  /** Column means (d, float64). */
  readonly mean: Float64Array;
  /** Upper triangle (p <= q) of S = sum_i (x_i - mean)(x_i - mean)^T (d x d row-major, float64); the lower triangle is 0. */
  readonly upper: Float64Array;
}

// by rows array and shape: a run's training rows are one array, whose covariance C2's variance
// shares and C5's PCA control both need (minutes of a plain loop at MNIST's d = 784, 9,000 rows)
const cache = new WeakMap<Float32Array, Map<string, CenteredScatter>>();

/**
 * The column means and the centred scatter matrix (upper triangle) of `count` rows of `d` values,
 * in float64 with a plain double loop, computed once per rows array and shape and shared by every
 * caller (who must not modify it): the covariance is upper / count or upper / (count - 1).
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
  for (let p = 0; p < d; p++) mean[p] /= count;
  const upper = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < count; i++) {
    for (let p = 0; p < d; p++) row[p] = rows[i * d + p] - mean[p];
    for (let p = 0; p < d; p++) {
      const a = row[p];
      if (a === 0) continue;
      for (let q = p; q < d; q++) upper[p * d + q] += a * row[q];
    }
  }
  const out = { mean, upper };
  byShape.set(key, out);
  return out;
}
