import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../../src/core/random.js';
import { gridD4, p4m, symmetric, torusTranslations } from '../../../src/groups/perm/named.js';
import { Perm } from '../../../src/groups/perm/Perm.js';
import { groupTable, hashWeights, orbitSizeByClosure, orbitSizeByElements } from '../../../src/experiments/checks/orbitEnumeration.js';

const key = (a: Int32Array) => Array.from(a).join(',');

describe('groupTable: G listed by closing the generators', () => {
  it('lists every element once, of the known orders: p4m(5) 200, D4 on 4 x 4 8, translations of 3 x 4 12, S_5 120', () => {
    for (const [G, order] of [
      [p4m(5), 200],
      [gridD4(4), 8],
      [torusTranslations(3, 4), 12],
      [symmetric(5), 120],
    ] as const) {
      const T = groupTable(G)!;
      expect(T.order).toBe(order);
      const rows = Array.from({ length: T.order }, (_, k) => T.images.subarray(k * T.degree, (k + 1) * T.degree));
      expect(new Set(rows.map(key)).size).toBe(order);
      // every row is a permutation in G, and the identity is among them
      for (const r of rows) expect(new Set(r).size).toBe(T.degree);
      expect(rows.every((r) => G.contains(Perm.fromImages(r)))).toBe(true);
      expect(rows.some((r) => r.every((v, p) => v === p))).toBe(true);
      // the hash weights of g_k are the pixel weights moved by g_k, pixel-major
      const w = hashWeights(T.degree);
      for (let k = 0; k < T.order; k++) for (let p = 0; p < T.degree; p++) expect(T.weighted[p * T.order + k]).toBe(w[T.images[k * T.degree + p]]);
    }
  });

  it('is null for a group too large to list (S_12), where the orbit closure still counts a small orbit', () => {
    const S = symmetric(12);
    expect(groupTable(S)).toBeNull();
    // two levels, 3 pixels at 1: C(12, 3) = 220 images
    const q = Int32Array.from({ length: 12 }, (_, p) => (p < 3 ? 1 : 0));
    expect(orbitSizeByClosure(S, q, 1000)).toBe(220);
    expect(orbitSizeByClosure(S, q, 100)).toBeNull();
  });
});

describe('orbitSizeByElements: the orbit counted over every element', () => {
  const G = p4m(6); // 288
  const rng = RandomSource.fromSeed(11);
  const images = [
    Int32Array.from({ length: 36 }, (_, p) => (p === 14 ? 1 : 0)), // a dot: 36
    new Int32Array(36), // constant: 1
    Int32Array.from({ length: 36 }, (_, p) => p % 2), // stripes: 2 translates x 2 orientations = 4
    ...Array.from({ length: 6 }, () => Int32Array.from({ length: 36 }, () => rng.int(3))),
  ];

  it('agrees with the closure of {x} under the generators, and with the closed forms', () => {
    const T = groupTable(G)!;
    const sizes = images.map((q) => orbitSizeByElements(T, q));
    expect(sizes.slice(0, 3)).toEqual([36, 1, 4]);
    expect(sizes).toEqual(images.map((q) => orbitSizeByClosure(G, q, 1e6)));
  });

  it('stays exact when every image collides (all weights 1: the hash is the sum of the pixels)', () => {
    const ones = new Int32Array(36).fill(1);
    const T = groupTable(G, ones)!;
    expect(T.order).toBe(288);
    expect(images.map((q) => orbitSizeByElements(T, q))).toEqual(images.map((q) => orbitSizeByClosure(G, q, 1e6)));
    // and the closure with colliding weights agrees too
    expect(images.map((q) => orbitSizeByClosure(G, q, 1e6, ones))).toEqual(images.map((q) => orbitSizeByElements(groupTable(G)!, q)));
  });

  it('counts images whose most common value is not 0 (a background of 2, an L of 0s, a dot of 1) as the closure does', () => {
    const T = groupTable(G)!;
    const L = Int32Array.from({ length: 36 }, (_, p) => (p === 20 ? 1 : p === 7 || p === 13 || p === 14 ? 0 : 2));
    const half = Int32Array.from({ length: 36 }, (_, p) => (p < 18 ? 2 : 1));
    // the L has no symmetry left in p4m with a dot off its corner: 288 images; half-planes: 6 translates x 2 orientations
    expect(orbitSizeByElements(T, L)).toBe(orbitSizeByClosure(G, L, 1e6));
    expect(orbitSizeByElements(T, half)).toBe(12);
    expect(orbitSizeByClosure(G, half, 1e6)).toBe(12);
  });

  it('counts wide (more than 256 levels) images: a ramp on 7 x 7 has no symmetry, |O| = |G| = 392', () => {
    const H = p4m(7);
    const ramp = Int32Array.from({ length: 49 }, (_, p) => p * 300);
    expect(orbitSizeByElements(groupTable(H)!, ramp)).toBe(392);
  });
});
