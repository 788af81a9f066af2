/**
 * Quantile q of sorted values by type-7 interpolation (R's default, numpy's 'linear'):
 * h = (m - 1) q, value = s[floor h] + (h - floor h)(s[floor h + 1] - s[floor h]).
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const m = sorted.length;
  if (m === 0) return NaN;
  const h = (m - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, m - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
