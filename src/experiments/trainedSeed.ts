import type { TrainedStack } from '../nn/trainStack.js';
import type { Snapshot } from '../nn/runStore.js';
import type { LayerHistory, TrainedSeed } from '../analysis/trainedStack.js';

/**
 * The analysis view of a trained stack: per greedy layer its snapshots in step order (snapshot 0
 * = initial weights = the untrained twin), as layers (an RBM reads as its mean-field
 * autoencoder: sigmoid encoder, sigmoid or linear decoder with W^T). Fine-tuning snapshots are
 * not part of the greedy history and are left out.
 */
export function trainedSeedOf(seed: number, stack: TrainedStack, snapshots: readonly Snapshot[]): TrainedSeed {
  const layers: LayerHistory[] = stack.layers.map((m, l) => {
    const snaps = snapshots.filter((s) => s.layer === l).sort((a, b) => a.step - b.step);
    const history = m.history;
    const last = history.length ? history[history.length - 1] : undefined;
    return {
      index: l + 1,
      finalLoss: last && Number.isFinite(last.loss) ? last.loss : null,
      losses: history.map((r) => r.loss),
      snapshots: snaps.map((s) => ({
        step: s.step,
        epoch: s.epoch,
        layer: { weights: s.weights, activation: m.activation, decoderActivation: m.decoderActivation },
      })),
    };
  });
  return { seed, layers };
}
