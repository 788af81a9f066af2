import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/core/random.js';
import { partialSpearman } from '../../src/experiments/partialRank.js';
import { emergenceOrder } from '../../src/experiments/emergenceOrder.js';
import { spearman } from '../../src/experiments/statistics.js';

describe('partialSpearman', () => {
  it('partialSpearman(x, y, z) matches the closed form on a small case and is NaN when x is collinear in rank with z', () => {
    const x = [1, 2, 3, 4, 5, 6];
    const y = [2, 1, 4, 3, 6, 5];
    const z = [1, 3, 2, 5, 4, 6];
    const rxy = spearman(x, y);
    const rxz = spearman(x, z);
    const ryz = spearman(y, z);
    expect(partialSpearman(x, y, z)).toBeCloseTo((rxy - rxz * ryz) / Math.sqrt((1 - rxz ** 2) * (1 - ryz ** 2)), 12);
    expect(partialSpearman(x, y, x.map((v) => 10 * v))).toBeNaN();
  });

  it('a world where orbit size and variance are confounded and emergence follows variance alone gives a variance-controlled effect near zero, while the raw rho is large', () => {
    const rng = RandomSource.fromSeed(4);
    let raw = 0;
    let controlled = 0;
    const reps = 200;
    const m = 40;
    for (let r = 0; r < reps; r++) {
      const variance = Array.from({ length: m }, () => rng.float());
      // small orbits carry the most variance (rank correlation about -0.9), emergence follows variance only
      const orbit = variance.map((v) => -v + 0.15 * rng.normal());
      const emergence = variance.map((v) => -v + 0.1 * rng.normal());
      raw += spearman(orbit, emergence) / reps;
      controlled += partialSpearman(orbit, emergence, variance) / reps;
    }
    expect(raw).toBeGreaterThan(0.6);
    // rank partial correlations are zero under conditional independence only approximately (the
    // rank transform is not linear): a small residual, well inside C2's minimum effect
    expect(Math.abs(controlled)).toBeLessThan(0.1);
  });

  it('partialSpearman keeps an effect of orbit size that variance does not explain', () => {
    const rng = RandomSource.fromSeed(5);
    const m = 60;
    const variance = Array.from({ length: m }, () => rng.float());
    const orbit = Array.from({ length: m }, () => rng.float());
    const emergence = orbit.map((o, i) => o - 0.5 * variance[i] + 0.1 * rng.normal());
    expect(partialSpearman(orbit, emergence, variance)).toBeGreaterThan(0.7);
  });
});

describe('emergenceOrder', () => {
  const primitives = [
    { name: 'a', orbitSize: 10, varianceShare: 0.3 },
    { name: 'b', orbitSize: 20, varianceShare: 0.1 },
    { name: 'c', orbitSize: 40, varianceShare: 0.2 },
    { name: 'd', orbitSize: 80, varianceShare: 0.4 },
  ];
  const epochs = [0, 1, 2, 3];

  it('emergenceOrder ranks sustained emergence per primitive against orbit size, never-emerged last', () => {
    // a stays above 0.5 from snapshot 1, b from 2, c only at 3, d never (it dips at the end)
    const best = [
      [0.1, 0.1, 0.1, 0.6],
      [0.6, 0.2, 0.1, 0.6],
      [0.7, 0.6, 0.1, 0.6],
      [0.8, 0.7, 0.6, 0.4],
    ];
    const o = emergenceOrder(primitives, best, [0.5, 0.5, 0.5, 0.5], epochs);
    expect(o.emergence).toEqual([1, 2, 3, null]);
    expect(o.emerged).toBe(3);
    expect(o.rho).toBeCloseTo(1, 12);
    expect(o.partial).not.toBeNull();
  });

  it('emergenceOrder gives null statistics when nothing emerged (nothing to order)', () => {
    const best = epochs.map(() => [0.1, 0.1, 0.1, 0.1]);
    const o = emergenceOrder(primitives, best, [0.5, 0.5, 0.5, 0.5], epochs);
    expect(o).toEqual({ emergence: [null, null, null, null], emerged: 0, rho: null, partial: null, varianceRho: null });
  });
});
