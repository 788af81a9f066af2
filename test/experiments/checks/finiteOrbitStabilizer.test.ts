import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../../src/core/random.js';
import { imageStabilizer } from '../../../src/actions/imageStabilizer.js';
import { p4m, torusTranslations } from '../../../src/groups/perm/named.js';
import { PermGroup } from '../../../src/groups/perm/PermGroup.js';
import { checkFiniteOrbitStabilizer } from '../../../src/experiments/checks/index.js';

const n = 6;
const G = p4m(n); // |G| = 36 translations x 8 = 288
const dot = Float32Array.from({ length: n * n }, (_, p) => (p === 14 ? 1 : 0));
const bar = Float32Array.from({ length: n * n }, (_, p) => (Math.floor(p / n) === 2 && p % n < 3 ? 1 : 0));


describe('checkFiniteOrbitStabilizer: C0 made independent', () => {
  it('passes on the engine stabilizer of a dot (|O| = 36, |S| = 8), a bar and random 3-level images', () => {
    const r = imageStabilizer(G, dot);
    expect([r.orbitSize, r.stabilizerOrder]).toEqual([36n, 8n]);
    const c = checkFiniteOrbitStabilizer('dot', G, dot, { orbitSize: r.orbitSize, stabilizerOrder: r.stabilizerOrder, stabilizer: r.stabilizer! });
    expect(c).toEqual({ name: 'dot', passed: true, details: 'enumerated orbit 36 images, S has 8 elements (identity, in G, fix x, closed); 36 * 8 = |G| = 288' });
    const rng = RandomSource.fromSeed(5);
    for (const x of [bar, ...Array.from({ length: 4 }, () => Float32Array.from({ length: n * n }, () => rng.int(3)))]) {
      const s = imageStabilizer(G, x);
      expect(checkFiniteOrbitStabilizer('x', G, x, { orbitSize: s.orbitSize, stabilizerOrder: s.stabilizerOrder, stabilizer: s.stabilizer! }).passed).toBe(true);
    }
  });

  it('passes on an image of more than 256 exact levels (wide storage) with |O| = |G|, and on a constant image with |O| = 1', () => {
    const m = 17;
    const H = p4m(m); // |G| = 8 * 289 = 2312
    const x = Float32Array.from({ length: m * m }, (_, p) => p); // 289 distinct values: no symmetry
    const r = imageStabilizer(H, x);
    expect([r.orbitSize, r.stabilizerOrder]).toEqual([2312n, 1n]);
    expect(checkFiniteOrbitStabilizer('ramp', H, x, { orbitSize: r.orbitSize, stabilizerOrder: r.stabilizerOrder, stabilizer: r.stabilizer! }).details).toBe('enumerated orbit 2312 images, S has 1 elements (identity, in G, fix x, closed); 2312 * 1 = |G| = 2312');
    // a wrong orbit size is caught by the enumeration
    expect(checkFiniteOrbitStabilizer('ramp', H, x, { orbitSize: 2311n, stabilizerOrder: 1n, stabilizer: r.stabilizer! }).details).toMatch(/enumerated orbit has 2312 images, reported \|O\| = 2311/);
    const flat = new Float32Array(n * n).fill(0.5);
    const s = imageStabilizer(G, flat);
    expect(checkFiniteOrbitStabilizer('flat', G, flat, { orbitSize: s.orbitSize, stabilizerOrder: s.stabilizerOrder, stabilizer: s.stabilizer! }).details).toMatch(/^enumerated orbit 1 images, S has 288 elements/);
  });

  it('fails when an element of the stabilizer is dropped (order and orbit kept consistent with the drop)', () => {
    const r = imageStabilizer(G, dot);
    const elements = [...r.stabilizer!.elements()];
    const dropped = elements.filter((g) => !g.isIdentity()).slice(1).concat(elements.filter((g) => g.isIdentity()));
    expect(dropped.length).toBe(7);
    const c = checkFiniteOrbitStabilizer('dot', G, dot, { orbitSize: 288n / 7n, stabilizerOrder: 7n, stabilizer: dropped });
    expect(c.passed).toBe(false);
    expect(c.details).toMatch(/not closed/);
    // and with the order as the run reported it
    expect(checkFiniteOrbitStabilizer('dot', G, dot, { orbitSize: 36n, stabilizerOrder: 8n, stabilizer: dropped }).details).toMatch(/has 7 elements, reported \|S\| = 8/);
  });

  it('fails when another subgroup of the same order is substituted (the stabilizer of the next pixel)', () => {
    const r = imageStabilizer(G, dot);
    // conjugate S by a translation t: t^-1 S t is a subgroup of G of order 8 that fixes the moved dot
    const t = [...G.elements()].find((g) => g.images[14] === 15 && G.contains(g))!;
    const moved = [...r.stabilizer!.elements()].map((s) => t.inv().mul(s).mul(t));
    const other = new PermGroup(moved, G.degree);
    expect(other.order()).toBe(8n);
    expect(moved.every((g) => G.contains(g))).toBe(true);
    const c = checkFiniteOrbitStabilizer('dot', G, dot, { orbitSize: 36n, stabilizerOrder: 8n, stabilizer: other });
    expect(c.passed).toBe(false);
    expect(c.details).toMatch(/moves the image/);
    // the same subgroup is the right answer for the moved dot
    const dot15 = Float32Array.from({ length: n * n }, (_, p) => (p === 15 ? 1 : 0));
    expect(checkFiniteOrbitStabilizer('dot15', G, dot15, { orbitSize: 36n, stabilizerOrder: 8n, stabilizer: other }).passed).toBe(true);
  });

  it('fails when |O| = |G|/|S| holds by arithmetic but S is too small: the enumerated orbit disagrees', () => {
    // the identity alone as "stabilizer" of the dot: |O| = 288 / 1 satisfies the old product check
    const trivial = new PermGroup([], G.degree);
    const c = checkFiniteOrbitStabilizer('dot', G, dot, { orbitSize: 288n, stabilizerOrder: 1n, stabilizer: trivial });
    expect(c.passed).toBe(false);
    expect(c.details).toBe('enumerated orbit has 36 images, reported |O| = 288');
  });

  it('fails when the stabilizer is not in G', () => {
    const T = torusTranslations(n, n);
    // a transposition of two pixels that both have value 0: fixes the dot but is no symmetry of the grid
    const swap = new PermGroup([PermGroup.fromCycles(['(1,2)'], n * n).generators[0]], n * n);
    const c = checkFiniteOrbitStabilizer('dot', T, dot, { orbitSize: 18n, stabilizerOrder: 2n, stabilizer: swap });
    expect(c.passed).toBe(false);
    expect(c.details).toMatch(/is not in G/);
  });
});
