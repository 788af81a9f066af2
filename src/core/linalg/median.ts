import { quantileSorted } from './quantileSorted.js';

/**
 * The median of the values: the middle one of an odd count, the mean of the two middle ones of an
 * even count (type-7 quantile 0.5, as quantileSummary's median); NaN when there is none.
 */
export function median(values: ArrayLike<number>): number {
  return quantileSorted(Float64Array.from(values).sort(), 0.5);
}
