import jStat from 'jstat';
import { InputRangeError } from '../../core/errors.js';

/**
 * Quantile of Student's t distribution with `df` degrees of freedom: the x with P(T <= x) = p.
 * From jstat (regularised incomplete beta inversion), checked against tables to 1e-6.
 */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new InputRangeError(`tQuantile: p must lie in (0, 1), got ${p}`);
  if (!(df > 0)) throw new InputRangeError(`tQuantile: df must be positive, got ${df}`);
  return jStat.studentt.inv(p, df);
}

/** P(T <= x) for T ~ Student t with `df` degrees of freedom. */
export function tCdf(x: number, df: number): number {
  if (!(df > 0)) throw new InputRangeError(`tCdf: df must be positive, got ${df}`);
  return jStat.studentt.cdf(x, df);
}
