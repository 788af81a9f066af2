import { describe, expect, it } from 'vitest';
import { judgePrimitiveOrder } from '../../src/experiments/claims/minimalOrbitsFirst/primitiveVerdict.js';
import { syntheticEmergenceSeeds as seedsOf } from '../../src/testing/syntheticEmergence.js';

describe('judgePrimitiveOrder', () => {
  it('judgePrimitiveOrder of seeds where both networks emerge in the order of variance alone (no orbit effect) is not supported', () => {
    const j = judgePrimitiveOrder(seedsOf(0), { alpha: 0.05, minimumEffect: 0.1, minEmerged: 4 });
    expect(j.verdict).toBe('not supported');
    expect(j.difference.inference.ci![1]).toBeLessThan(0.1);
    // the raw rank correlation is no help either: orbit size was drawn apart from variance
    expect(Math.abs(j.trained.estimate!)).toBeLessThan(0.2);
  });

  it('judgePrimitiveOrder of seeds where the trained network alone delays large orbits is supported, with the linear control near zero', () => {
    const j = judgePrimitiveOrder(seedsOf(1), { alpha: 0.05, minimumEffect: 0.1, minEmerged: 4 });
    expect(j.verdict).toBe('supported');
    expect(j.trained.estimate!).toBeGreaterThan(0.3);
    expect(Math.abs(j.control.estimate!)).toBeLessThan(0.15);
  });

  it('judgePrimitiveOrder is inconclusive and says why when too few primitives emerge in the trained network', () => {
    const j = judgePrimitiveOrder(seedsOf(1, 30, 10, 0.1), { alpha: 0.05, minimumEffect: 0.1, minEmerged: 4 });
    expect(j.verdict).toBe('inconclusive');
    expect(j.reason).toMatch(/too few primitives emerged in the trained network for the primitive test: in 10 of 10 seeds fewer than 4 of the 30 primitives .* \(emerged: seed 0: 3, seed 1: 3/);
  });

  it('judgePrimitiveOrder calibrates one threshold per primitive from the null draws of every seed', () => {
    const seeds = seedsOf(0, 5, 6);
    const j = judgePrimitiveOrder(seeds, { alpha: 0.05, minimumEffect: 0.1, minEmerged: 1 });
    expect(j.nullDrawCount).toBe(120);
    for (const [p, t] of j.thresholds.entries()) {
      const values = seeds.flatMap((s) => s.nullDraws.map((d) => d[p])).sort((a, b) => a - b);
      expect(t).toBe(values[Math.ceil(0.95 * 121) - 1]);
    }
  });
});
