import { stepsPerEpoch } from './fitLayer.js';
import { snapshotSteps, type SnapshotSettings } from './options.js';

/** What the size of a training run's files depends on. */
export interface RunSizeInput {
  /** Every layer size, input first. */
  readonly layers: readonly number[];
  readonly count: number;
  readonly batch: number;
  readonly epochs: number;
  /** Separate decoder weights (twice the matrices). */
  readonly untied: boolean;
  readonly snapshots: SnapshotSettings | false;
}

/**
 * Bytes a training run writes, estimated before it starts: per layer, its float32 parameters
 * (W [h, d], b, c, V if untied) times (snapshots + the model + about 3 copies in the checkpoint:
 * weights and optimiser moments). Good to a small factor; it is for warning, not accounting.
 */
export function estimateRunBytes(r: RunSizeInput): number {
  const S = stepsPerEpoch(r.count, Math.min(r.batch, r.count));
  let bytes = 0;
  for (let l = 0; l + 1 < r.layers.length; l++) {
    const [d, h] = [r.layers[l], r.layers[l + 1]];
    const params = h * d * (r.untied ? 2 : 1) + h + d;
    const snaps = r.snapshots === false ? 0 : snapshotSteps(r.snapshots, S * r.epochs).length + (r.snapshots.everyEpoch ? r.epochs : 0);
    bytes += 4 * params * (snaps + 1 + 3);
  }
  return bytes;
}

/** Above this a run warns before it starts (1 GiB). */
export const LARGE_RUN_BYTES = 2 ** 30;

/**
 * The warning `train` and `run` print before writing more than LARGE_RUN_BYTES into `dir`
 * (`copies` stacks of these layer sizes, e.g. one per seed), or null below it.
 */
export function largeRunWarning(bytes: number, dir: string, layers: readonly number[], copies = 1): string | null {
  if (bytes <= LARGE_RUN_BYTES) return null;
  const what = `weights of ${layers.join('-')} at every snapshot and checkpoint${copies > 1 ? `, ${copies} seeds` : ''}`;
  return `warning: this run will write about ${(bytes / 2 ** 30).toFixed(1)} GiB into ${dir} (${what}); ${copies > 1 ? 'fewer units or seeds make' : 'fewer units, --snapshots-per-decade 0 or --no-snapshots make'} it smaller`;
}
