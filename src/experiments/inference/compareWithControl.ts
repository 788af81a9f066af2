import type { VerdictRule } from '../verdict.js';
import { inferAcrossSeeds, seedDifferences, type SeedInference, type SeedStatistic } from './acrossSeeds.js';
import { judgeAcrossSeeds, type SeedVerdict } from './seedVerdict.js';

/** A claim about learning judged on trained minus control: all three summaries and the verdict. */
export interface ControlledVerdict extends SeedVerdict {
  /** The trained statistic across seeds (t interval, sign-flip test of mean <= 0). */
  readonly trained: SeedInference;
  /** The control's statistic across seeds, computed the same way. */
  readonly control: SeedInference;
  /** Per-seed trained minus control: the verdict's inference (also in `inference`). */
  readonly difference: SeedInference;
}

/**
 * Judge a claim about learning on per-seed trained minus control (matched by seed), by the
 * verdict rule of judgeAcrossSeeds; the trained and control statistics are summarised alongside
 * so the report can show them side by side, but only the difference is judged.
 */
export function compareWithControl(trained: readonly SeedStatistic[], control: readonly SeedStatistic[], rule: VerdictRule, level = 0.95): ControlledVerdict {
  const verdict = judgeAcrossSeeds(seedDifferences(trained, control), rule, level);
  return {
    ...verdict,
    trained: inferAcrossSeeds(trained, { level }),
    control: inferAcrossSeeds(control, { level }),
    difference: verdict.inference,
  };
}
