import { InputRangeError } from '../../core/errors.js';
import { checkInteger } from '../../core/validate.js';
import { cycleType } from '../core/kernels.js';
import type { PermGroup } from '../perm/PermGroup.js';

/** Largest group order for which counting enumerates the elements. */
export const MAX_ENUMERATED_ORDER = 1_000_000n;

/**
 * The number of colourings of the group's points with K colours up to the group, by Burnside's
 * lemma: (1/|G|) sum over g of K^{c(g)}, c(g) = number of cycles of g (the Cauchy-Frobenius
 * lemma; Kerber, "Applied Finite Group Actions", 2nd ed. 1999, chapter 1). Exact (bigint);
 * enumerates G, so |G| <= 10^6.
 * Example: binary 2x2 images up to D4 -> 6 (OEIS A054247).
 */
export function countColorings(group: PermGroup, colors: number): bigint {
  checkInteger('countColorings', 'colors', colors, 1);
  const order = group.order();
  if (order > MAX_ENUMERATED_ORDER) throw new InputRangeError(`countColorings: group order ${order} is above ${MAX_ENUMERATED_ORDER} (elements are enumerated)`);
  const K = BigInt(colors);
  let sum = 0n;
  for (const g of group.elements()) sum += K ** BigInt(cycleType(g.images).length);
  if (sum % order !== 0n) throw new Error('countColorings: Burnside sum not divisible by |G|');
  return sum / order;
}
