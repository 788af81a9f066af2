import type { Interval } from './statistics.js';

/** The three verdicts a claim can get. */
export type Verdict = 'supported' | 'not supported' | 'inconclusive';

/** How an interval statistic is judged; every claim states its own. */
export interface VerdictRule {
  /** The claim is supported when the whole interval lies above this (default 0). */
  readonly threshold: number;
  /**
   * Smallest effect that matters: when the whole interval lies within threshold +- this, the
   * data rule out any effect worth the name (an equivalence finding), so the claim is not
   * supported rather than inconclusive.
   */
  readonly minimumEffect: number;
  /** Fewer observations than this make the claim inconclusive whatever the interval. */
  readonly minimumN: number;
}

export const DEFAULT_RULE: VerdictRule = { threshold: 0, minimumEffect: 0.2, minimumN: 8 };

/**
 * Judge a statistic whose interval is `ci` on `n` observations: `supported` when the interval
 * lies above `threshold`; `not supported` when it lies below `threshold` (an effect the other
 * way) or inside threshold +- minimumEffect (no effect worth the name); otherwise (or with too
 * little data, or no interval) `inconclusive`, with the reason.
 */
export function judge(ci: Interval | null, n: number, rule: VerdictRule = DEFAULT_RULE): { verdict: Verdict; reason?: string } {
  if (n < rule.minimumN) return { verdict: 'inconclusive', reason: `only ${n} observations (at least ${rule.minimumN} needed)` };
  if (ci === null || !Number.isFinite(ci[0]) || !Number.isFinite(ci[1])) {
    return { verdict: 'inconclusive', reason: 'the statistic is undefined on this data (e.g. one variable is constant)' };
  }
  if (ci[0] > rule.threshold) return { verdict: 'supported' };
  if (ci[1] < rule.threshold) return { verdict: 'not supported', reason: 'the interval lies below the threshold: the effect goes the other way' };
  if (ci[0] > rule.threshold - rule.minimumEffect && ci[1] < rule.threshold + rule.minimumEffect) {
    return { verdict: 'not supported', reason: `the interval lies within ${rule.minimumEffect} of the threshold: no effect of that size` };
  }
  return { verdict: 'inconclusive', reason: `the interval [${ci[0].toFixed(3)}, ${ci[1].toFixed(3)}] crosses the threshold ${rule.threshold}` };
}
