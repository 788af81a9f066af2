/**
 * The finite groups' epsilon-stabilizers of one feature as the explorer shows them, computed by
 * the run's own functions (centredEpsStabilizer on the registry's pixel groups), so the page's
 * numbers are the run's: the size of S_eps under any finite group of the run's records, and the
 * elements of the point group D4 in S_eps by name (src/groups/perm/p4mElement.ts).
 * Browser-safe: no engine, no Node APIs.
 */
import { centredEpsStabilizer } from '../../actions/epsStabilizer.js';
import { ENUMERATE_MAX_ORDER } from '../../actions/imageStabilizer.js';
import { permKey } from '../../groups/core/kernels.js';
import { isFiniteGroupName } from '../../groups/groupNames.js';
import { D4_ELEMENT_NAMES, p4mPermutation, POINT_GROUP_D4, type D4ElementName } from '../../groups/perm/p4mElement.js';
import { pixelGroup } from '../../groups/pixelGroup.js';

/**
 * |S_eps(x)| under the finite group `name` of an h x w feature, as the run records it
 * (epsStabilizerSize); null when the name is not a finite group, the shape does not fit it, or
 * the group is too large to enumerate.
 */
export function epsStabilizerSize(name: string, x: ArrayLike<number>, h: number, w: number, eps: number): number | null {
  if (!isFiniteGroupName(name)) return null;
  let group;
  try {
    group = pixelGroup(name, h, w);
  } catch {
    return null;
  }
  if (group.order() > ENUMERATE_MAX_ORDER) return null;
  return centredEpsStabilizer(group, x, eps).count;
}

/** The elements of D4 (about the centre of the n x n grid) in S_eps(x), by name in D4_ELEMENT_NAMES order, with ||g.x - x|| / ||x|| of the centred x. */
export function d4EpsStabilizer(x: ArrayLike<number>, n: number, eps: number): { element: D4ElementName; distance: number }[] {
  const names = new Map<string, D4ElementName>();
  // first name wins where elements coincide as permutations (n = 1)
  for (const e of POINT_GROUP_D4) {
    const k = permKey(p4mPermutation(n, e.element));
    if (!names.has(k)) names.set(k, e.name);
  }
  const r = centredEpsStabilizer(pixelGroup('d4', n, n), x, eps);
  const found = r.elements.map((g, k) => ({ element: names.get(permKey(g.images))!, distance: r.distances[k] }));
  return found.sort((a, b) => D4_ELEMENT_NAMES.indexOf(a.element) - D4_ELEMENT_NAMES.indexOf(b.element));
}
