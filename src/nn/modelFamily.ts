import type { RandomSource } from '../core/index.js';
import type { CompiledGraph, Tensor } from '../engine/index.js';
import type { Activation } from './graphOps.js';

/**
 * What the fit loop needs from a model family (autoencoder, RBM): the tensors carried from one
 * graph run to the next, their initial values, the training graph for m unrolled steps, and the
 * per-step inputs (noise, rates). Noise is drawn step by step, so the numbers drawn do not
 * depend on how steps are grouped into runs.
 */
export interface ModelFamily {
  readonly kind: 'ae' | 'rbm';
  /** Name of the graph's data input [count, d] (its minibatch rows come as rows@k, see minibatchInputs). */
  readonly dataInput: string;
  /** Name of the graph's [m] output of per-step losses. */
  readonly lossOutput: string;
  /** Learned parameters (W0, b0, c0, and V0 when untied; deep: W0..W{L-1} etc.). */
  readonly paramNames: readonly string[];
  /** Every tensor carried across runs: parameters, optimiser states, persistent chains. */
  readonly carried: readonly string[];
  readonly shapes: Readonly<Record<string, readonly number[]>>;
  /** Activation of each encoder layer (for encoding and export). */
  readonly encoderActivations: readonly Activation[];
  /** Initial carried tensors (weights drawn from rng; data for data-dependent biases). */
  init(rng: RandomSource, data: Float32Array, count: number): Record<string, Float32Array>;
  /** The training graph for m unrolled steps in epoch `epoch` (rates are graph constants; memoised). */
  graph(m: number, epoch: number): Promise<CompiledGraph>;
  /**
   * Inputs other than the data and the carried tensors for m steps starting at global step t0 of
   * epoch `epoch`. Large arrays may be reused by the next call: use the feeds before calling again.
   */
  stepFeeds(m: number, batch: number, rng: RandomSource, epoch: number, t0: number): Record<string, Tensor>;
  /** Per-epoch monitoring numbers (free energy, pseudo-likelihood), if the family has them. */
  monitor?(carried: Record<string, Float32Array>, epoch: number): Promise<Record<string, number>>;
}
