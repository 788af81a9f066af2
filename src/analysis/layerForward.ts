import { matmul } from '../engine/matmul.js';
import type { AutoencoderLayer, EncoderLayer } from '../nn/autoencoderLayer.js';
import { applyActivation } from './applyActivation.js';

/**
 * h = f(x W^T + b) for a batch x [count, d] through one layer's encoder; returns [count, h].
 * The float32 product runs in ONNX Runtime (matmul), the bias and f in TypeScript: the
 * analysis's numbers, which results.json records, are those of this order of operations.
 */
export async function encodeLayer(layer: EncoderLayer, x: Float32Array, count: number): Promise<Float32Array> {
  const { W, b, shape } = layer.weights;
  const [units, inputs] = shape;
  const a = (await matmul(x, [count, inputs], W, [units, inputs], { transB: true })).data;
  for (let i = 0; i < count; i++) for (let u = 0; u < units; u++) a[i * units + u] += b[u];
  return applyActivation(a, layer.activation);
}

/** A(x) = g(V f(W x + b) + c) for a batch x [count, d] through one autoencoder layer (V = W^T when tied); returns [count, d]. */
export async function reconstruct(layer: AutoencoderLayer, x: Float32Array, count: number): Promise<Float32Array> {
  const { W, c, V, shape } = layer.weights;
  const [units, inputs] = shape;
  const h = await encodeLayer(layer, x, count);
  const y = V ? (await matmul(h, [count, units], V, [inputs, units], { transB: true })).data : (await matmul(h, [count, units], W, [units, inputs])).data;
  for (let i = 0; i < count; i++) for (let p = 0; p < inputs; p++) y[i * inputs + p] += c[p];
  return applyActivation(y, layer.decoderActivation);
}
