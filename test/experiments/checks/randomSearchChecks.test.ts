import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../../src/core/random.js';
import { p4m, torusTranslations } from '../../../src/groups/perm/named.js';
import { imageStabilizer } from '../../../src/actions/imageStabilizer.js';
import { randomSearch, randomSearchRace } from '../../../src/analysis/randomSearch.js';
import { checkRace, checkSearchTallies, exactRaceShares } from '../../../src/experiments/checks/index.js';

const img = (n: number, on: number[]) => Float32Array.from({ length: n * n }, (_, p) => (on.includes(p) ? 1 : 0));

describe('exactRaceShares: the race expectation by enumeration', () => {
  it('a constant image against a dot under 4x4 translations: the dot wins only on the identity, split: 1/32', () => {
    const T = torusTranslations(4, 4);
    const e = exactRaceShares(T, [
      { label: 'constant', pixels: new Float32Array(16).fill(1) },
      { label: 'dot', pixels: img(4, [5]) },
    ]);
    expect(e.stoppingElements).toBe(16);
    expect(e.shares[1]).toBeCloseTo(1 / 32, 15);
    expect(e.shares[0]).toBeCloseTo(31 / 32, 15);
    // the |S| / sum |S| approximation would say 1/17 for the dot
  });

  it('two images fixed by different translations share the identity: 1/2 each, not by |S|', () => {
    const T = torusTranslations(4, 4);
    // period 2 horizontally; period 2 vertically: each fixed by {e, one half-translation}
    const a = Float32Array.from({ length: 16 }, (_, p) => (p % 2 === 0 ? 1 : 0) + (Math.floor(p / 4) === 0 ? 2 : 0));
    const b = Float32Array.from({ length: 16 }, (_, p) => (Math.floor(p / 4) % 2 === 0 ? 1 : 0) + (p % 4 === 0 ? 2 : 0));
    const e = exactRaceShares(T, [
      { label: 'a', pixels: a },
      { label: 'b', pixels: b },
    ]);
    expect(e.stoppingElements).toBe(3);
    expect(e.shares[0]).toBeCloseTo(0.5, 15);
    expect(e.shares[1]).toBeCloseTo(0.5, 15);
  });
});

describe('checkRace and checkSearchTallies: the uniform generator against exact expectations', () => {
  const G = p4m(6);
  const candidates = [
    { label: 'dot', pixels: img(6, [14]) },
    { label: 'pair', pixels: img(6, [14, 15]) },
    { label: 'line', pixels: img(6, [12, 13, 14, 15, 16, 17]) },
  ];

  it('randomSearchRace agrees with the exact shares; win counts following |S| / sum |S| fail', () => {
    const races = 4000;
    const wins = randomSearchRace(G, candidates, races, undefined, RandomSource.fromSeed(3));
    const exact = exactRaceShares(G, candidates);
    const c = checkRace('race', wins, races, exact);
    expect(c.passed, c.details).toBe(true);
    // the approximation's counts: races * |S_k| / sum |S|
    const orders = candidates.map((c) => Number(imageStabilizer(G, c.pixels).stabilizerOrder));
    const approx = orders.map((s) => (races * s) / orders.reduce((a, b) => a + b, 0));
    expect(checkRace('race', approx, races, exact).passed).toBe(false);
  });

  it('randomSearch tallies pass; hits inflated by a tenth fail', () => {
    const tallies = randomSearch(G, candidates, 20000, undefined, RandomSource.fromSeed(4));
    expect(checkSearchTallies('search', tallies).passed).toBe(true);
    const inflated = tallies.map((t) => ({ ...t, hits: Math.round(t.hits * 1.1) }));
    expect(checkSearchTallies('search', inflated).passed).toBe(false);
  });
});

describe('the C1 self-check of a run uses the exact race shares', () => {
  it('passes for races drawn by randomSearchRace and fails for wins that follow |S| / sum |S|', async () => {
    const { checkRandomSearch: c1 } = await import('../../../src/experiments/selfChecks/index.js');
    const G = p4m(6);
    const prim = [
      { label: 'primitive dot', pixels: img(6, [14]) },
      { label: 'primitive line', pixels: img(6, [12, 13, 14, 15, 16, 17]) },
    ];
    const tallies = randomSearch(G, prim, 5000, undefined, RandomSource.fromSeed(8));
    const recs = tallies.map((t) => ({ ...t, seed: 0 }));
    const exact = exactRaceShares(G, prim);
    const races = 3000;
    const race = (firstCounts: number[]) => ({ seed: 0, candidates: tallies.map((t) => ({ label: t.label, stabilizerOrder: t.stabilizerOrder })), firstCounts, races, exactShares: exact.shares, stoppingElements: exact.stoppingElements, groupOrder: exact.groupOrder });
    const good = c1(recs, [race(randomSearchRace(G, prim, races, undefined, RandomSource.fromSeed(9)))]);
    expect(good.status, good.reason).toBe('pass');
    const orders = tallies.map((t) => Number(t.stabilizerOrder));
    const approx = orders.map((s) => (races * s) / (orders[0] + orders[1]));
    const bad = c1(recs, [race(approx)]);
    expect(bad.status).toBe('fail');
    expect(bad.reason).toMatch(/^BUG: 1 of 2 tests fail; first: race of seed 0/);
  });
});
