import { InputRangeError } from '../core/errors.js';

/**
 * Snapshot steps for a layer: 0 (the untrained network), log-spaced steps with `perDecade`
 * per factor of ten (so the first epoch is seen in detail), and the last step. An epoch has
 * floor(count / batch) steps, as the trainer counts them.
 */
export function snapshotSteps(count: number, batch: number, epochs: number, perDecade: number): number[] {
  const perEpoch = Math.floor(count / batch);
  if (perEpoch < 1) throw new InputRangeError(`snapshotSteps: ${count} samples make no full batch of ${batch}`);
  const total = perEpoch * epochs;
  const steps = new Set<number>([0, total]);
  for (let k = 0; ; k++) {
    const s = Math.round(10 ** (k / perDecade));
    if (s >= total) break;
    steps.add(s);
  }
  return [...steps].sort((a, b) => a - b);
}
