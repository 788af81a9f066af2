import type { Activation } from './graphOps.js';
import type { LayerWeights } from './runStore.js';

/**
 * One layer of a stack: the one layer model of training, saved and imported models and the
 * analysis. Encoder h = f(x W^T + b), decoder x' = g(h V^T + c) with V = W^T when tied
 * (weights.V absent); W [h, d] (row u is unit u's filter), b [h], c [d]. An RBM reads as its
 * mean-field autoencoder (f = sigmoid, g by the visible units).
 */
export interface AutoencoderLayer {
  readonly weights: LayerWeights;
  /** Encoder activation f. */
  readonly activation: Activation;
  /** Decoder activation g. */
  readonly decoderActivation: Activation;
}

/** The encoder half of a layer, all that encoding needs. */
export type EncoderLayer = Pick<AutoencoderLayer, 'weights' | 'activation'>;
