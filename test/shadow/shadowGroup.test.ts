import { describe, expect, it } from 'vitest';
import { InputRangeError } from '../../src/core/index.js';
import { p4m } from '../../src/groups/index.js';
import { shadowGroup } from '../../src/shadow/index.js';

const perm = (images: number[]) => Int32Array.from(images);

describe('shadowGroup', () => {
  it('shadowGroup of a rotation and a reflection of the pentagon is the dihedral group of order 10 with one orbit', () => {
    const r = perm([1, 2, 3, 4, 0]);
    const s = perm([0, 4, 3, 2, 1]);
    const g = shadowGroup([r, s]);
    expect(g.order).toBe(10n);
    expect(g.orbits).toEqual([[0, 1, 2, 3, 4]]);
    expect(g.generators).toBe(2);
  });

  it('shadowGroup of two disjoint transpositions is the Klein four-group with their supports as orbits', () => {
    const g = shadowGroup([perm([1, 0, 2, 3, 4, 5]), perm([0, 1, 3, 2, 4, 5])]);
    expect(g.order).toBe(4n);
    expect(g.orbits).toEqual([[0, 1], [2, 3], [4], [5]]);
  });

  it('shadowGroup ignores repeated shadows and the identity', () => {
    const r = perm([1, 2, 3, 4, 0]);
    const g = shadowGroup([r, perm([0, 1, 2, 3, 4]), Int32Array.from(r)]);
    expect(g.generators).toBe(1);
    expect(g.order).toBe(5n);
    expect(shadowGroup([perm([0, 1, 2])]).order).toBe(1n);
    expect(shadowGroup([perm([0, 1, 2])]).orbits).toEqual([[0], [1], [2]]);
  });

  it('shadowGroup of the p4m generators of the 5 x 5 torus has order 8 * 25 and one orbit of 25 pixels', () => {
    const g = shadowGroup(p4m(5).generators.map((x) => x.images));
    expect(g.order).toBe(200n);
    expect(g.orbits).toHaveLength(1);
    expect(g.orbits[0]).toHaveLength(25);
  });

  it('shadowGroup rejects an empty list, mixed degrees and a non-permutation', () => {
    expect(() => shadowGroup([])).toThrow(InputRangeError);
    expect(() => shadowGroup([perm([1, 0]), perm([0, 2, 1])])).toThrow(/degree 3, the first has 2/);
    expect(() => shadowGroup([perm([0, 0, 1])])).toThrow(/entry 0 is not a permutation/);
  });
});
