import { matmul } from '../engine/index.js';
import type { AutoencoderOutputs } from './autoencoderOutputs.js';

/**
 * sum_i ||y_i - G x_i||^2 for an n x n row-major G, with X G^T through the compute layer (float32
 * product, float64 sum of squares): the numerator of the shadow error of a matrix element.
 */
export async function matrixResidual(data: AutoencoderOutputs, g: Float64Array): Promise<number> {
  const { inputs, outputs, count, dim } = data;
  const xg = await matmul(inputs, [count, dim], Float32Array.from(g), [dim, dim], { transB: true });
  let s = 0;
  for (let i = 0; i < outputs.length; i++) {
    const d = outputs[i] - xg.data[i];
    s += d * d;
  }
  return s;
}

/** The Gram-type product a^T b of two N x n row-major arrays, as an n x n float64 array (float32 product). */
export async function crossProduct(a: Float32Array, b: Float32Array, count: number, dim: number): Promise<Float64Array> {
  const r = await matmul(a, [count, dim], b, [count, dim], { transA: true });
  return Float64Array.from(r.data);
}
