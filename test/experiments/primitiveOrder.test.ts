import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/core/random.js';
import { judgePrimitiveOrder } from '../../src/experiments/orbitOrder/judge.js';
import type { PrimitiveOrderSeed } from '../../src/experiments/orbitOrder/collect.js';

const SNAPSHOTS = 60;
const epochs = Array.from({ length: SNAPSHOTS }, (_, k) => k / 2);

/** Best-match trajectories that jump from 0.1 to 0.8 at the given snapshot (never, when it is past the end). */
function trajectories(emergeAt: readonly number[]): number[][] {
  return epochs.map((_, k) => emergeAt.map((e) => (k >= e ? 0.8 : 0.1)));
}

/**
 * Seeds of a synthetic C2 experiment with m primitives: orbit size and variance share drawn
 * independently; both networks emerge in the order of variance (shared per-seed noise), plus
 * network-specific noise; the trained network's emergence is delayed by `effect` x orbit rank.
 */
function seedsOf(effect: number, m = 30, count = 10, emergeFraction = 1): PrimitiveOrderSeed[] {
  const rng = RandomSource.fromSeed(11);
  const out: PrimitiveOrderSeed[] = [];
  for (let s = 0; s < count; s++) {
    const primitives = Array.from({ length: m }, (_, j) => ({ name: `p${j}`, orbitSize: 2 ** (1 + rng.int(10)), stabilizerOrder: 1, varianceShare: rng.float() }));
    const orbitRank = primitives.map((p) => primitives.filter((q) => q.orbitSize < p.orbitSize).length / m);
    const shared = primitives.map((p) => 40 * (1 - p.varianceShare) + 4 * rng.normal());
    const at = (extra: (j: number) => number) => shared.map((b, j) => (j < emergeFraction * m ? Math.max(1, Math.round(b + rng.normal() + extra(j))) : SNAPSHOTS + 1));
    out.push({
      seed: s,
      primitives,
      snapshotEpochs: epochs,
      trainedBest: trajectories(at((j) => effect * 30 * orbitRank[j])),
      controlEpochs: epochs,
      controlBest: trajectories(at(() => 0)),
      nullDraws: Array.from({ length: 20 }, () => primitives.map(() => 0.2 + 0.2 * rng.float())),
    });
  }
  return out;
}

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
