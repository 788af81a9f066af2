import { trainStack } from '../nn/trainStack.js';

/** How the nonlinear network was trained; the linear twin copies every field. */
export interface TwinTraining {
  readonly epochs: number;
  readonly batch: number;
  readonly lr: number;
  readonly seed: number;
  readonly optimizer: 'sgd' | 'adam';
  readonly weightDecay: number;
  readonly snapshotsPerDecade: number;
}

/** One snapshot of the linear twin's layer: W (units x d). */
export interface TwinSnapshot {
  readonly step: number;
  readonly epoch: number;
  readonly W: Float32Array;
}

/**
 * The linear control of C2: a one-layer tied autoencoder with linear encoder and decoder and
 * squared error, of the same width, trained by the same engine with the same optimiser, learning
 * rate, batch, epochs, weight decay, seed and snapshot schedule as the nonlinear network's first
 * layer. Only what makes a network nonlinear differs: the activations, the cross-entropy loss
 * (it needs outputs in [0, 1]) and the sparsity penalty (it needs sigmoid rates). Returns W at
 * every snapshot, snapshot 0 being the initial weights.
 */
export async function trainLinearTwin(data: Float32Array, dim: number, units: number, t: TwinTraining): Promise<TwinSnapshot[]> {
  const trained = await trainStack({
    data,
    dim,
    layers: [dim, units],
    model: 'ae',
    ae: { encoder: 'linear', decoder: 'linear', loss: 'mse', sparsityWeight: 0, optimizer: t.optimizer, weightDecay: t.weightDecay },
    epochs: t.epochs,
    batch: t.batch,
    lr: t.lr,
    seed: t.seed,
    snapshots: { perDecade: t.snapshotsPerDecade, everyEpoch: true },
  });
  return trained.snapshots
    .filter((s) => s.layer === 0)
    .sort((a, b) => a.step - b.step)
    .map((s) => ({ step: s.step, epoch: s.epoch, W: s.weights.W }));
}
