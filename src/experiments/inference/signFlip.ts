import { InputRangeError } from '../../core/errors.js';
import { RandomSource } from '../../core/random.js';

/** Which departure from the null mean the test looks for. */
export type Alternative = 'greater' | 'two-sided';

/** Options of the sign-flip test. */
export interface SignFlipOptions {
  readonly alternative?: Alternative;
  /** Up to this many values every sign pattern is enumerated (2^n); above, random patterns (default 16). */
  readonly maxExact?: number;
  /** Random sign patterns when n > maxExact (default 20000). */
  readonly resamples?: number;
  /** Seed of the random patterns (used only when n > maxExact). */
  readonly seed?: number;
}

/** Result of a sign-flip test. */
export interface SignFlipResult {
  /** P(statistic at least as extreme as observed) under the null; never 0. */
  readonly pValue: number;
  /** Sign patterns the p-value counts over (2^n when exact). */
  readonly patterns: number;
  readonly exact: boolean;
  readonly alternative: Alternative;
}

/**
 * Sign-flip (one-sample permutation) test of H0: the values are symmetric about `nullValue`
 * (Fisher 1935; Good, "Permutation Tests", 2000, sec. 3.1). Statistic: the sum of d_i = x_i - nullValue;
 * under H0 every sign pattern of the d_i is equally likely, so the p-value is the share of the
 * 2^n patterns whose sum is at least the observed one (exact), or a Monte Carlo estimate
 * (count + 1) / (B + 1) above maxExact values. With n values the exact p-value is at least
 * 2^-n (one-sided): 5 values can never give p <= 0.025. Written by hand: a few lines that no
 * maintained npm package offers in exact form.
 */
export function signFlipTest(values: readonly number[], nullValue = 0, options: SignFlipOptions = {}): SignFlipResult {
  const alternative = options.alternative ?? 'greater';
  const n = values.length;
  if (n === 0) throw new InputRangeError('signFlipTest: no values');
  if (values.some((v) => !Number.isFinite(v))) throw new InputRangeError('signFlipTest: every value must be finite');
  const abs = values.map((v) => Math.abs(v - nullValue));
  const observed = values.reduce((s, v) => s + (v - nullValue), 0);
  // sums equal to the observed one in exact arithmetic must count as "at least as extreme"
  const tol = 1e-12 * abs.reduce((s, v) => s + v, 0);
  const extreme = alternative === 'greater' ? (t: number) => t >= observed - tol : (t: number) => Math.abs(t) >= Math.abs(observed) - tol;
  const maxExact = options.maxExact ?? 16;
  if (n <= maxExact) {
    const patterns = 2 ** n;
    let count = 0;
    for (let mask = 0; mask < patterns; mask++) {
      let t = 0;
      for (let i = 0; i < n; i++) t += mask & (1 << i) ? -abs[i] : abs[i];
      if (extreme(t)) count++;
    }
    return { pValue: count / patterns, patterns, exact: true, alternative };
  }
  const B = options.resamples ?? 20000;
  const rng = RandomSource.fromSeed(options.seed ?? 0);
  let count = 0;
  for (let b = 0; b < B; b++) {
    let t = 0;
    for (let i = 0; i < n; i++) t += rng.int(2) ? -abs[i] : abs[i];
    if (extreme(t)) count++;
  }
  return { pValue: (count + 1) / (B + 1), patterns: B, exact: false, alternative };
}
