import { spearman } from './statistics.js';

/**
 * Spearman's partial rank correlation of x and y controlling for z: the Pearson partial
 * correlation formula applied to rank correlations, r_xy.z = (r_xy - r_xz r_yz) /
 * sqrt((1 - r_xz^2)(1 - r_yz^2)) (Kendall & Stuart, "The Advanced Theory of Statistics" vol. 2,
 * 27.22; Conover, "Practical Nonparametric Statistics"). NaN when it is undefined: a constant
 * variable, or x or y collinear in rank with z (then nothing of x is left apart from z).
 */
export function partialSpearman(xs: ArrayLike<number>, ys: ArrayLike<number>, zs: ArrayLike<number>): number {
  const rxy = spearman(xs, ys);
  const rxz = spearman(xs, zs);
  const ryz = spearman(ys, zs);
  const den = Math.sqrt((1 - rxz * rxz) * (1 - ryz * ryz));
  if (!Number.isFinite(rxy) || !Number.isFinite(rxz) || !Number.isFinite(ryz) || !(den > 1e-9)) return NaN;
  return (rxy - rxz * ryz) / den;
}
