/**
 * The finite groups' epsilon-stabilizers of one feature as the explorer shows them, computed by
 * the run's own function (centredEpsStabilizer), so the page's numbers are the run's: the size of
 * S_eps under any finite group of the run's records, and the elements of the point group D4 in
 * S_eps by name (src/groups/perm/p4mElement.ts). p4m and D4 are enumerated from their named
 * elements, the same permutations as the registry's groups (test/groups/p4mElement.test.ts),
 * without building p4m's stabilizer chain in the browser (seconds for 28 x 28).
 * Browser-safe: no engine, no Node APIs.
 */
import { centeredEpsStabilizer, type FiniteElements } from '../../actions/epsStabilizer.js';
import { ENUMERATE_MAX_ORDER } from '../../actions/imageStabilizer.js';
import { isFiniteGroupName } from '../../groups/groupNames.js';
import { Perm } from '../../groups/perm/Perm.js';
import { p4mPerm, p4mPermutations, POINT_GROUP_D4, type D4ElementName } from '../../groups/perm/p4mElement.js';
import { pixelGroup } from '../../groups/pixelGroup.js';

// the page has one feature size: keep its p4m elements (n = 28: 6,272 permutations) across eps changes
let p4mCache: { n: number; elements: Perm[] } | null = null;

/** The group's distinct elements, or the group itself; null when the shape does not fit it. */
function finiteElements(name: string, h: number, w: number): FiniteElements | null {
  if (name === 'p4m' && h === w && h >= 3) {
    if (p4mCache?.n !== h) p4mCache = { n: h, elements: p4mPermutations(h).map((g) => Perm.unsafeWrap(g)) };
    return p4mCache.elements;
  }
  if (name === 'd4' && h === w && h >= 2) return POINT_GROUP_D4.map((e) => p4mPerm(h, e.element));
  if (!isFiniteGroupName(name)) return null;
  try {
    const group = pixelGroup(name, h, w);
    return group.order() > ENUMERATE_MAX_ORDER ? null : group;
  } catch {
    return null;
  }
}

/**
 * |S_eps(x)| under the finite group `name` of an h x w feature, as the run records it
 * (epsStabilizerSize); null when the name is not a finite group, the shape does not fit it, or
 * the group is too large to enumerate.
 */
export function epsStabilizerSize(name: string, x: ArrayLike<number>, h: number, w: number, eps: number): number | null {
  const elements = finiteElements(name, h, w);
  return elements === null ? null : centeredEpsStabilizer(elements, x, eps).count;
}

/** The elements of D4 (about the centre of the n x n grid) in S_eps(x), by name in POINT_GROUP_D4 order, with ||g.x - x|| / ||x|| of the centred x. */
export function d4EpsStabilizer(x: ArrayLike<number>, n: number, eps: number): { element: D4ElementName; distance: number }[] {
  // on a 1 x 1 grid every element is the identity: list it once
  const named = (n === 1 ? POINT_GROUP_D4.slice(0, 1) : POINT_GROUP_D4).map((e) => ({ name: e.name, perm: p4mPerm(n, e.element) }));
  const r = centeredEpsStabilizer(named.map((e) => e.perm), x, eps);
  return r.elements.map((g, k) => ({ element: named.find((e) => e.perm === g)!.name, distance: r.distances[k] }));
}
