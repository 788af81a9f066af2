import { lossRises } from '../nn/lossRises.js';
import type { LayerResult } from '../results/index.js';
import { fmt } from './numberFormat.js';


/**
 * One sentence per seed and layer whose training loss rose from one epoch to the next (e.g. the
 * natural preset's layer 1 after epoch 2), for report.html and the console summary of `run`;
 * empty when every layer's loss fell at every epoch (or no history was recorded).
 */
export function trainingLossNotes(layers: readonly Pick<LayerResult, 'seed' | 'layer' | 'losses'>[]): string[] {
  return layers.flatMap((L) => {
    // a missing loss (null in results.json) breaks the sequence rather than counting as a rise
    const rises = lossRises((L.losses ?? []).map((x) => x ?? NaN));
    if (!rises.length) return [];
    const where = rises.map((r) => `epoch ${r.epoch} (${fmt(r.from)} → ${fmt(r.to)})`).join(', ');
    return [`seed ${L.seed}, layer ${L.layer}: the training loss rose at ${where}; not decreasing, so training may not have settled (a smaller --lr often helps)`];
  });
}
