import { InputRangeError } from '../errors.js';
import { quantileSorted } from './quantileSorted.js';

/** Summary statistics of a sample; quantiles by linear interpolation (Hyndman and Fan 1996, type 7). */
export interface QuantileSummary {
  /** Values summarised (non-finite values are left out and counted in `excluded`). */
  readonly count: number;
  /** Values left out because they were NaN or infinite. */
  readonly excluded: number;
  readonly mean: number;
  readonly min: number;
  /** 5% quantile. */
  readonly p05: number;
  /** 25% quantile (first quartile). */
  readonly q25: number;
  readonly median: number;
  /** 75% quantile (third quartile). */
  readonly q75: number;
  /** 95% quantile. */
  readonly p95: number;
  readonly max: number;
}

/** The QuantileSummary of the finite entries of `values`; throws when none is finite. */
export function quantileSummary(values: ArrayLike<number>): QuantileSummary {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite.push(values[i]);
  if (finite.length === 0) throw new InputRangeError(`quantileSummary: no finite value among ${values.length}`);
  const s = Float64Array.from(finite).sort();
  let sum = 0;
  for (const v of s) sum += v;
  return {
    count: s.length,
    excluded: values.length - s.length,
    mean: sum / s.length,
    min: s[0],
    p05: quantileSorted(s, 0.05),
    q25: quantileSorted(s, 0.25),
    median: quantileSorted(s, 0.5),
    q75: quantileSorted(s, 0.75),
    p95: quantileSorted(s, 0.95),
    max: s[s.length - 1],
  };
}
