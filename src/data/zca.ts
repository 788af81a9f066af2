import { symmetricEigen } from '../core/linalg/symmetricEigen.js';
import { InputRangeError } from '../core/errors.js';
import type { Whitening } from './dataset.js';
import { compile, float32, GraphBuilder, type CompiledGraph } from '../engine/index.js';

const CHUNK = 4096;

/** Graph y = x^T x for x of shape (rows, d): one chunk's Gram matrix (float32 MatMul). */
function gramGraph(d: number): Promise<CompiledGraph> {
  const g = new GraphBuilder(`zca_gram_${d}`);
  const x = g.input('x', 'float32', ['rows', d]);
  g.output(g.op('MatMul', [g.op('Transpose', [x], { perm: [1, 0] }), x]), 'y', 'float32', [d, d]);
  return compile(g.build());
}

/** Graph y = (x - mean) m for x of shape (rows, d) and a d x d matrix m. */
function affineGraph(d: number): Promise<CompiledGraph> {
  const g = new GraphBuilder(`zca_apply_${d}`);
  const x = g.input('x', 'float32', ['rows', d]);
  const mean = g.input('mean', 'float32', [d]);
  const m = g.input('m', 'float32', [d, d]);
  g.output(g.op('MatMul', [g.op('Sub', [x, mean]), m]), 'y', 'float32', ['rows', d]);
  return compile(g.build());
}

/**
 * Fit ZCA whitening to `count` row vectors of length d (row-major): mean m, covariance
 * C = (1/count) sum (x - m)(x - m)^T = U diag(lambda) U^T,
 * matrix = U diag(1/sqrt(lambda + eps)) U^T, inverse = U diag(sqrt(lambda + eps)) U^T
 * (Bell & Sejnowski 1997, "The independent components of natural scenes are edge filters").
 * The Gram matrix runs in ONNX Runtime over chunks of 4096 rows (float32 within a chunk, chunks
 * summed in float64), the mean and eigen-decomposition (Jacobi) in float64.
 * Directions with lambda + eps <= 1e-6 lambda_max (below the float32 resolution of the Gram
 * matrix; only possible with eps tiny or 0, e.g. the constant direction removed by per-patch mean
 * subtraction) are a numerical null space: mapped to zero in both matrices (pseudo-inverse)
 * instead of being blown up. Whitened covariance = U diag(lambda/(lambda+eps)) U^T.
 */
export async function fitZca(rows: Float32Array, count: number, d: number, epsilon: number): Promise<Whitening> {
  if (rows.length !== count * d) throw new InputRangeError(`fitZca: ${rows.length} values for ${count} rows of ${d}`);
  if (!(epsilon >= 0) || !Number.isFinite(epsilon)) throw new InputRangeError(`fitZca: epsilon must be a finite number >= 0, got ${epsilon}`);
  const mean = new Float64Array(d);
  for (let i = 0; i < count; i++) for (let j = 0; j < d; j++) mean[j] += rows[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= count;
  const cov = new Float64Array(d * d);
  const gram = await gramGraph(d);
  for (let start = 0; start < count; start += CHUNK) {
    const k = Math.min(CHUNK, count - start);
    const x = new Float32Array(k * d);
    for (let i = 0; i < k; i++) for (let j = 0; j < d; j++) x[i * d + j] = rows[(start + i) * d + j] - mean[j];
    const y = (await gram.run({ x: float32(x, [k, d]) })).y.data as Float32Array;
    for (let i = 0; i < d * d; i++) cov[i] += y[i];
  }
  for (let i = 0; i < d * d; i++) cov[i] /= count;
  const { values, vectors } = symmetricEigen(cov, d);
  const floor = 1e-6 * Math.max(values[0], 0);
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

/** Apply a whitening in place to `count` rows: x <- matrix (x - mean) (ONNX Runtime, float32, chunks of 4096 rows). */
export async function applyWhitening(w: Whitening, rows: Float32Array, count: number): Promise<Float32Array> {
  const d = w.mean.length;
  if (rows.length !== count * d) throw new InputRangeError(`applyWhitening: ${rows.length} values for ${count} rows of ${d}`);
  const graph = await affineGraph(d);
  // matrix is symmetric, so (x - mean) matrix = (matrix (x - mean)^T)^T
  const m = float32(w.matrix, [d, d]);
  const mean = float32(w.mean, [d]);
  for (let start = 0; start < count; start += CHUNK) {
    const k = Math.min(CHUNK, count - start);
    const x = rows.slice(start * d, (start + k) * d);
    const y = (await graph.run({ x: float32(x, [k, d]), mean, m })).y.data as Float32Array;
    rows.set(y, start * d);
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
