import type { Interval } from '../statistics.js';
import { tQuantile } from './studentT.js';

/** The Student t interval of a mean, with what it was computed from. */
export interface MeanInterval {
  /** Sample mean. */
  readonly mean: number;
  /** Sample standard deviation (n - 1 in the denominator). */
  readonly sd: number;
  /** Standard error of the mean, sd / sqrt(n). */
  readonly se: number;
  /** Degrees of freedom, n - 1. */
  readonly df: number;
  /** Two-sided interval mean +- t(1 - (1 - level)/2, df) * se. */
  readonly ci: Interval;
  readonly level: number;
}

/**
 * Two-sided Student t interval of the mean of n >= 2 finite values (exact when the values are
 * independent draws from one normal distribution); null for fewer than 2 values or a non-finite one.
 */
export function tInterval(values: readonly number[], level = 0.95): MeanInterval | null {
  const n = values.length;
  if (n < 2 || values.some((v) => !Number.isFinite(v))) return null;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const ss = values.reduce((s, v) => s + (v - mean) ** 2, 0);
  const sd = Math.sqrt(ss / (n - 1));
  const se = sd / Math.sqrt(n);
  const df = n - 1;
  const half = tQuantile(1 - (1 - level) / 2, df) * se;
  return { mean, sd, se, df, ci: [mean - half, mean + half], level };
}
