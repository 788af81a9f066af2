import { InputRangeError } from '../core/errors.js';
import type { PermGroup } from '../groups/perm/PermGroup.js';
import { onSets, onTuples, type Action } from './action.js';

/**
 * The orbit of x under <gens> for any right action act(x, g) (see Action), with `key`
 * identifying equal objects: GAP's Orbit(G, x, action). Breadth-first from x; cost
 * O(|orbit| |gens|) actions. The orbits of points under a PermGroup are G.orbit(p) (the
 * Schreier-Sims kernel in src/groups, which sits below this layer).
 */
export function orbitUnderAction<X>(gens: readonly Int32Array[], x: X, act: Action<X>, key: (x: X) => string): X[] {
  const seen = new Set<string>([key(x)]);
  const orbit = [x];
  for (let k = 0; k < orbit.length; k++) {
    for (const g of gens) {
      const y = act(orbit[k], g);
      const ky = key(y);
      if (!seen.has(ky)) {
        seen.add(ky);
        orbit.push(y);
      }
    }
  }
  return orbit;
}

function checkPoints(where: string, group: PermGroup, points: readonly number[]): void {
  for (const p of points) if (!Number.isInteger(p) || p < 0 || p >= group.degree) throw new InputRangeError(`${where}: point ${p + 1} is outside degree ${group.degree}`);
}

const pointsKey = (s: readonly number[]): string => s.join(',');

/** The orbit of a set of 0-based points under G (onSets; each set sorted, breadth-first order). */
export function orbitOfSet(group: PermGroup, set: readonly number[]): number[][] {
  checkPoints('orbitOfSet', group, set);
  return orbitUnderAction(group.generators.map((g) => g.images), [...set].sort((a, b) => a - b), onSets, pointsKey);
}

/** The orbit of a tuple of 0-based points under G (onTuples, breadth-first order). */
export function orbitOfTuple(group: PermGroup, tuple: readonly number[]): number[][] {
  checkPoints('orbitOfTuple', group, tuple);
  return orbitUnderAction(group.generators.map((g) => g.images), [...tuple], onTuples, pointsKey);
}
