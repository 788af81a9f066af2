import type { Interval } from './statistics.js';

/** The three verdicts a claim can get. */
export type Verdict = 'supported' | 'not supported' | 'inconclusive';

/** How an interval statistic is judged; every claim states its own. */
export interface VerdictRule {
  /** The value of the statistic when there is no effect (0 for a difference or a correlation). */
  readonly threshold: number;
  /**
   * Smallest effect that matters, declared before the run: the claim is supported only when the
   * whole interval lies above threshold + minimumEffect, and not supported when the whole
   * interval lies below it (no effect of that size, or one the other way).
   */
  readonly minimumEffect: number;
  /** Fewer independent observations (seeds, for inference across seeds) make the claim inconclusive. */
  readonly minimumN: number;
}

export const DEFAULT_RULE: VerdictRule = { threshold: 0, minimumEffect: 0.2, minimumN: 8 };

/** The verdict with the reason when it is not `supported`. */
export interface Judgement {
  readonly verdict: Verdict;
  readonly reason?: string;
}

/**
 * Judge a statistic whose two-sided interval is `ci`, on `n` independent observations. With
 * m = threshold + minimumEffect:
 * - `supported` when the whole interval lies above m (lower bound > m);
 * - `not supported` when the whole interval lies below m (upper bound < m): the effect is
 *   absent, smaller than the minimum that matters, or goes the other way;
 * - `inconclusive` otherwise (the interval contains m), or with fewer than minimumN
 *   observations, or with no finite interval; the reason says which.
 * A positive but negligible effect (an interval inside (threshold, m)) is therefore not supported.
 */
export function judge(ci: Interval | null, n: number, rule: VerdictRule = DEFAULT_RULE): Judgement {
  if (n < rule.minimumN) return { verdict: 'inconclusive', reason: `only ${n} observations (at least ${rule.minimumN} needed)` };
  if (ci === null || !Number.isFinite(ci[0]) || !Number.isFinite(ci[1])) {
    return { verdict: 'inconclusive', reason: 'the statistic is undefined on this data (e.g. one variable is constant)' };
  }
  const m = rule.threshold + rule.minimumEffect;
  const interval = `[${ci[0].toFixed(3)}, ${ci[1].toFixed(3)}]`;
  if (ci[0] > m) return { verdict: 'supported' };
  if (ci[1] < rule.threshold) return { verdict: 'not supported', reason: `the interval ${interval} lies below the threshold ${rule.threshold}: the effect goes the other way` };
  if (ci[1] < m) {
    return { verdict: 'not supported', reason: `the interval ${interval} lies below the minimum effect ${m} (threshold ${rule.threshold} + ${rule.minimumEffect}): no effect of that size` };
  }
  return { verdict: 'inconclusive', reason: `the interval ${interval} contains the minimum effect ${m} (threshold ${rule.threshold} + ${rule.minimumEffect})` };
}
