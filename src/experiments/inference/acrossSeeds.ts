import { InputRangeError } from '../../core/errors.js';
import type { Interval } from '../statistics.js';
import { signFlipTest } from './signFlip.js';
import { tInterval } from './tInterval.js';

/** One seed's statistic (null when the statistic is undefined on that seed's data). */
export interface SeedStatistic {
  readonly seed: number;
  readonly value: number | null;
}

/** Options of inference across seeds. */
export interface AcrossSeedsOptions {
  /** Two-sided coverage of the t interval (default 0.95). */
  readonly level?: number;
  /** Mean under the null hypothesis of the sign-flip test (default 0). */
  readonly nullValue?: number;
}

/** Inference on the mean of per-seed statistics: seeds are the independent replicates. */
export interface SeedInference {
  /** Mean of the per-seed statistics; null when no seed has one. */
  readonly estimate: number | null;
  /** Student t interval of the mean at `level` (n - 1 df); null with fewer than 2 usable seeds. */
  readonly ci: Interval | null;
  /** Seeds with a finite statistic. */
  readonly n: number;
  /** Standard deviation across those seeds; null with fewer than 2. */
  readonly sd: number | null;
  /** One-sided p-value of the exact sign-flip test of H0: mean <= nullValue; null with no usable seed. */
  readonly pValue: number | null;
  readonly nullValue: number;
  readonly level: number;
  /** Seeds whose statistic was undefined (left out of every number above). */
  readonly undefinedSeeds: readonly number[];
  /** One sentence naming both procedures, for results.json and the report. */
  readonly method: string;
  readonly perSeed: readonly SeedStatistic[];
}

/**
 * Inference across seeds: the t interval of the mean of the per-seed statistics and the exact
 * one-sided sign-flip test of mean <= nullValue. Each seed (its own initialisation, data order and
 * draws) is one independent replicate; the units inside a seed only make its statistic precise.
 */
export function inferAcrossSeeds(perSeed: readonly SeedStatistic[], options: AcrossSeedsOptions = {}): SeedInference {
  const level = options.level ?? 0.95;
  const nullValue = options.nullValue ?? 0;
  const seen = new Set<number>();
  for (const s of perSeed) {
    if (seen.has(s.seed)) throw new InputRangeError(`inferAcrossSeeds: seed ${s.seed} appears twice`);
    seen.add(s.seed);
  }
  const usable = perSeed.filter((s): s is { seed: number; value: number } => s.value !== null && Number.isFinite(s.value));
  const values = usable.map((s) => s.value);
  const undefinedSeeds = perSeed.filter((s) => s.value === null || !Number.isFinite(s.value)).map((s) => s.seed);
  const n = values.length;
  const t = tInterval(values, level);
  const test = n > 0 ? signFlipTest(values, nullValue, { alternative: 'greater' }) : null;
  const pct = Math.round(level * 1000) / 10;
  const method =
    `Student t ${pct}% interval (${Math.max(n - 1, 0)} df) of the mean of ${n} per-seed statistics; ` +
    (test ? `${test.exact ? 'exact' : 'Monte Carlo'} one-sided sign-flip test (${test.patterns} sign patterns) of mean <= ${nullValue}` : 'no sign-flip test (no usable seed)');
  return {
    estimate: n > 0 ? values.reduce((s, v) => s + v, 0) / n : null,
    ci: t ? t.ci : null,
    n,
    sd: t ? t.sd : null,
    pValue: test ? test.pValue : null,
    nullValue,
    level,
    undefinedSeeds,
    method,
    perSeed: [...perSeed],
  };
}

/**
 * Per-seed differences trained minus control, matched by seed: the statistic a claim about
 * learning is judged on. Throws when the two lists do not hold the same seeds.
 */
export function seedDifferences(trained: readonly SeedStatistic[], control: readonly SeedStatistic[]): SeedStatistic[] {
  const byControl = new Map(control.map((c) => [c.seed, c.value]));
  if (byControl.size !== control.length || trained.length !== control.length || trained.some((t) => !byControl.has(t.seed))) {
    throw new InputRangeError(`seedDifferences: trained seeds [${trained.map((t) => t.seed).join(', ')}] and control seeds [${control.map((c) => c.seed).join(', ')}] differ`);
  }
  return trained.map((t) => {
    const c = byControl.get(t.seed) ?? null;
    return { seed: t.seed, value: t.value === null || c === null ? null : t.value - c };
  });
}
