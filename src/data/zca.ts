import { symmetricEigen } from '../core/symmetricEigen.js';
import { InputRangeError } from '../core/errors.js';
import type { Whitening } from './dataset.js';

/**
 * Fit ZCA whitening to `count` row vectors of length d (row-major): mean m, covariance
 * C = (1/count) sum (x - m)(x - m)^T = U diag(lambda) U^T (accumulated in float64),
 * matrix = U diag(1/sqrt(lambda + eps)) U^T, inverse = U diag(sqrt(lambda + eps)) U^T
 * (Bell & Sejnowski 1997, "The independent components of natural scenes are edge filters").
 * Directions with lambda + eps <= 1e-12 lambda_max (only possible with eps = 0, e.g. the constant
 * direction removed by per-patch mean subtraction) are mapped to zero in both matrices
 * (pseudo-inverse) instead of being blown up. Whitened covariance = U diag(lambda/(lambda+eps)) U^T.
 */
export function fitZca(rows: Float32Array, count: number, d: number, epsilon: number): Whitening {
  if (rows.length !== count * d) throw new InputRangeError(`fitZca: ${rows.length} values for ${count} rows of ${d}`);
  if (!(epsilon >= 0) || !Number.isFinite(epsilon)) throw new InputRangeError(`fitZca: epsilon must be a finite number >= 0, got ${epsilon}`);
  const mean = new Float64Array(d);
  for (let i = 0; i < count; i++) for (let j = 0; j < d; j++) mean[j] += rows[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= count;
  const cov = new Float64Array(d * d);
  const x = new Float64Array(d);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < d; j++) x[j] = rows[i * d + j] - mean[j];
    for (let a = 0; a < d; a++) {
      const xa = x[a];
      const row = a * d;
      for (let b = a; b < d; b++) cov[row + b] += xa * x[b];
    }
  }
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      cov[a * d + b] /= count;
      cov[b * d + a] = cov[a * d + b];
    }
  }
  const { values, vectors } = symmetricEigen(cov, d);
  const floor = 1e-12 * Math.max(values[0], 0);
  const down = new Float64Array(d);
  const up = new Float64Array(d);
  for (let k = 0; k < d; k++) {
    const v = Math.max(values[k], 0) + epsilon;
    down[k] = v > floor && v > 0 ? 1 / Math.sqrt(v) : 0;
    up[k] = v > floor && v > 0 ? Math.sqrt(v) : 0;
  }
  const matrix = new Float32Array(d * d);
  const inverse = new Float32Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      let w = 0;
      let u = 0;
      for (let k = 0; k < d; k++) {
        const p = vectors[i * d + k] * vectors[j * d + k];
        w += p * down[k];
        u += p * up[k];
      }
      matrix[i * d + j] = matrix[j * d + i] = w;
      inverse[i * d + j] = inverse[j * d + i] = u;
    }
  }
  return { matrix, inverse, mean: Float32Array.from(mean), epsilon, eigenvalues: values };
}

/** Apply a whitening in place to `count` rows: x <- matrix (x - mean). */
export function applyWhitening(w: Whitening, rows: Float32Array, count: number): Float32Array {
  const d = w.mean.length;
  const m = Float64Array.from(w.matrix);
  const x = new Float64Array(d);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < d; j++) x[j] = rows[i * d + j] - w.mean[j];
    for (let a = 0; a < d; a++) {
      let s = 0;
      const row = a * d;
      for (let b = 0; b < d; b++) s += m[row + b] * x[b];
      rows[i * d + a] = s;
    }
  }
  return rows;
}

/** Map whitened-space rows back to pixel space in place: x <- inverse y + mean. */
export function dewhiten(w: Whitening, rows: Float32Array, count: number): Float32Array {
  const d = w.mean.length;
  const m = Float64Array.from(w.inverse);
  const y = new Float64Array(d);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < d; j++) y[j] = rows[i * d + j];
    for (let a = 0; a < d; a++) {
      let s = w.mean[a];
      const row = a * d;
      for (let b = 0; b < d; b++) s += m[row + b] * y[b];
      rows[i * d + a] = s;
    }
  }
  return rows;
}
