import type { AutoencoderLayer } from '../nn/autoencoderLayer.js';

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
