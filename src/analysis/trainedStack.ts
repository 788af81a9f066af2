import { matmul } from '../engine/matmul.js';
import type { Activation } from '../nn/graphOps.js';
import { applyActivation, type EncoderLayer } from './encoderLayer.js';

/** One layer of an autoencoder (or RBM, read as a mean-field autoencoder) at one moment. */
export interface AutoencoderLayer extends EncoderLayer {
  /** Decoder weights, inputs x units row-major; null = tied (W^T). */
  readonly decoderWeights: Float32Array | null;
  readonly decoderBias: Float32Array;
  readonly decoderActivation: Activation;
}

/** An AutoencoderLayer from stored weights (W [h, d], b [h], c [d], V [d, h] if untied; src/nn's layout). */
export function autoencoderLayerOf(
  w: { readonly W: Float32Array; readonly b: Float32Array; readonly c: Float32Array; readonly V?: Float32Array; readonly shape: readonly [number, number] },
  activation: Activation,
  decoderActivation: Activation,
): AutoencoderLayer {
  return { inputs: w.shape[1], units: w.shape[0], weights: w.W, bias: w.b, activation, decoderWeights: w.V ?? null, decoderBias: w.c, decoderActivation };
}

/** A layer's weights at one snapshot of its training. */
export interface LayerSnapshot {
  readonly step: number;
  readonly epoch: number;
  readonly layer: AutoencoderLayer;
}

/** The training history of one layer of a greedy stack; snapshot 0 is the untrained network. */
export interface LayerHistory {
  /** 1-based layer index. */
  readonly index: number;
  readonly snapshots: readonly LayerSnapshot[];
  readonly finalLoss: number | null;
  /** Mean training loss of each epoch, in order (non-finite as NaN). */
  readonly losses: readonly number[];
}

/** Everything the analysis needs of one seed's trained stack. */
export interface TrainedSeed {
  readonly seed: number;
  readonly layers: readonly LayerHistory[];
}

/** The final weights of each layer of a stack. */
export function finalStack(t: TrainedSeed): AutoencoderLayer[] {
  return t.layers.map((l) => l.snapshots[l.snapshots.length - 1].layer);
}

/** A(x) = g(W' f(W x + b) + c) for a batch (count x inputs) through one autoencoder layer. */
export async function reconstruct(layer: AutoencoderLayer, x: Float32Array, count: number): Promise<Float32Array> {
  const { inputs, units } = layer;
  const a = (await matmul(x, [count, inputs], layer.weights, [units, inputs], { transB: true })).data;
  for (let i = 0; i < count; i++) for (let u = 0; u < units; u++) a[i * units + u] += layer.bias[u];
  const h = applyActivation(a, layer.activation);
  const y = layer.decoderWeights
    ? (await matmul(h, [count, units], layer.decoderWeights, [inputs, units], { transB: true })).data
    : (await matmul(h, [count, units], layer.weights, [units, inputs])).data;
  for (let i = 0; i < count; i++) for (let p = 0; p < inputs; p++) y[i * inputs + p] += layer.decoderBias[p];
  return applyActivation(y, layer.decoderActivation);
}
