import type { Sensitivity } from '../../../results/index.js';
import { spearman } from '../../statistics.js';
import { acrossSeeds } from './controlledClaim.js';

import { COMPLEXITY_MEASURES } from '../../config.js';

export { COMPLEXITY_MEASURES };
export type ComplexityMeasure = (typeof COMPLEXITY_MEASURES)[number];

export const MEASURE_LABELS: Record<ComplexityMeasure, string> = {
  compressedBytes: 'compressed length (bytes)',
  totalVariation: 'total variation',
  spectralEntropy: 'spectral entropy (bits)',
  components: 'connected components',
};

/**
 * Spearman's rho, and 0 when either variable is constant: with no variation there is no
 * association (e.g. untrained filters that all have the largest epsilon-orbit). Null with fewer
 * than 3 pairs.
 */
export function rankCorrelation(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length < 3) return null;
  const constant = (v: readonly number[]) => v.every((x) => x === v[0]);
  if (constant(xs) || constant(ys)) return 0;
  const r = spearman(xs, ys);
  return Number.isFinite(r) ? r : null;
}

/** One analysis choice's per-seed statistics: trained and each control. */
export interface ChoiceStatistics {
  readonly choice: string;
  readonly primary: boolean;
  /** [seed index] */
  readonly trained: readonly (number | null)[];
  readonly controls: Readonly<Record<string, readonly (number | null)[]>>;
}

/**
 * Sensitivity rows: for each analysis choice and control, the mean across seeds of trained,
 * control and trained minus control, with the t interval of the difference; and a note when the
 * sign of the difference against `decidingControl` is not the same under every choice.
 */
export function sensitivityRows(seeds: readonly number[], choices: readonly ChoiceStatistics[], decidingControl: string | null): { rows: Sensitivity[]; note?: string } {
  const rows: Sensitivity[] = [];
  const signs = new Map<string, string[]>();
  for (const c of choices) {
    for (const [name, control] of Object.entries(c.controls)) {
      const t = acrossSeeds(seeds, (s) => c.trained[seeds.indexOf(s)]);
      const k = acrossSeeds(seeds, (s) => control[seeds.indexOf(s)]);
      const d = acrossSeeds(seeds, (s) => {
        const i = seeds.indexOf(s);
        const a = c.trained[i];
        const b = control[i];
        return a === null || b === null ? null : a - b;
      });
      rows.push({ choice: `${c.choice}; control: ${name}`, primary: c.primary, statistic: t.statistic, control: k.statistic, difference: d.statistic, ci: d.ci });
      if (name === decidingControl && d.statistic !== null && d.statistic !== 0) {
        const key = d.statistic > 0 ? 'positive' : 'negative';
        signs.set(key, [...(signs.get(key) ?? []), c.choice]);
      }
    }
  }
  if (signs.size > 1) {
    return { rows, note: `The analysis choices disagree in sign: trained − control (${decidingControl}) is positive with ${signs.get('positive')!.join('; ')} and negative with ${signs.get('negative')!.join('; ')}.` };
  }
  return { rows };
}
