import { describe, expect, it } from 'vitest';
import { compose, invert, power, isIdentity, equals, identityArray, Perm, PermGroup, parseCycles, formatCycles } from '../../src/groups/index.js';
import { RandomSource, UserError } from '../../src/core/index.js';

describe('permutation kernels', () => {
  it('compose(p, q) applies p first, then q (right action, as GAP: (1,2)*(2,3) = (1,3,2))', () => {
    const p = parseCycles('(1,2)', 3);
    const q = parseCycles('(2,3)', 3);
    expect(formatCycles(compose(p, q))).toBe('(1,3,2)');
    // point 1 -> 2 under p, then 2 -> 3 under q
    expect(compose(p, q)[0]).toBe(2);
    expect(Perm.parse('(1,2)', 3).mul(Perm.parse('(2,3)', 3)).toString()).toBe('(1,3,2)');
  });

  it('invert, power and compose satisfy the group laws on random permutations', () => {
    const rng = RandomSource.fromSeed(7);
    for (let t = 0; t < 50; t++) {
      const n = 1 + rng.int(12);
      const [a, b, c] = [rng.permutation(n), rng.permutation(n), rng.permutation(n)];
      expect(equals(compose(compose(a, b), c), compose(a, compose(b, c)))).toBe(true);
      expect(isIdentity(compose(a, invert(a)))).toBe(true);
      expect(isIdentity(compose(invert(a), a))).toBe(true);
      expect(equals(power(a, 3), compose(compose(a, a), a))).toBe(true);
      expect(equals(power(a, -2), invert(compose(a, a)))).toBe(true);
      expect(equals(power(a, 0), identityArray(n))).toBe(true);
    }
  });
});

describe('cycle notation', () => {
  it('parseCycles and formatCycles round-trip 1-based GAP notation', () => {
    for (const s of ['()', '(1,2,3)(4,5)', '(1,5)(2,3,4)', '(2,7,3)']) expect(formatCycles(parseCycles(s))).toBe(s);
    expect(Array.from(parseCycles('(1,2,3)'))).toEqual([1, 2, 0]);
    expect(Array.from(parseCycles('()', 3))).toEqual([0, 1, 2]);
    expect(Array.from(parseCycles(' ( 1 , 2 ) ( 3 , 4 ) '))).toEqual([1, 0, 3, 2]);
  });

  it('parseCycles rejects malformed text, repeated points and points outside the degree, naming the text', () => {
    for (const bad of ['(1,2', '1,2)', '(1,,2)', '(a,b)', '', '(1 2)', '(0,1)']) {
      expect(() => parseCycles(bad)).toThrow(UserError);
    }
    expect(() => parseCycles('(1,2,3')).toThrow(/"\(1,2,3"/);
    expect(() => parseCycles('(1,2)(2,3)')).toThrow(/point 2 is repeated in "\(1,2\)\(2,3\)"/);
    expect(() => parseCycles('(1,1)')).toThrow(/repeated/);
    expect(() => parseCycles('(1,9)', 8)).toThrow(/point 9 .*outside degree 8/);
  });
});

describe('Perm', () => {
  it('Perm.order() is the lcm of the cycle lengths', () => {
    expect(Perm.parse('(1,2,3)(4,5)').order()).toBe(6n);
    expect(Perm.parse('()', 4).order()).toBe(1n);
  });

  it('Perm.fromImages rejects arrays that are not permutations', () => {
    expect(() => Perm.fromImages([0, 0, 1])).toThrow(UserError);
    expect(() => Perm.fromImages([0, 3])).toThrow(UserError);
  });
});

describe('PermGroup', () => {
  it('new PermGroup(gens) rejects generators of different degrees, naming the generator', () => {
    expect(() => new PermGroup([Perm.parse('(1,2)'), Perm.parse('(1,2,3)')])).toThrow(/generator 2 .*degree 3, expected 2/);
  });

  it('PermGroup.fromCycles takes the largest point as the degree', () => {
    const G = PermGroup.fromCycles(['(1,2)', '(3,4,5)']);
    expect(G.degree).toBe(5);
    expect(G.order()).toBe(6n);
    expect(G.orbits()).toEqual([[0, 1], [2, 3, 4]]);
  });
});
