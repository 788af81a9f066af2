import { describe, expect, it } from 'vitest';
import { claimC0, claimC1, claimC2, claimC3, claimC4, claimC5 } from '../../src/experiments/claims/index.js';
import type { Evidence, PrimitiveRecord } from '../../src/experiments/evidence.js';
import type { FeatureResult } from '../../src/experiments/results.js';
import { ClaimSchema } from '../../src/experiments/results.js';
import { RandomSource } from '../../src/core/index.js';

const complexity = (c: number) => ({ compressedBytes: c, totalVariation: c / 10, spectralEntropy: 1, components: 1 });

function feature(seed: number, layer: number, unit: number, orbit: number, emergence: number, bytes: number): FeatureResult {
  return {
    seed,
    layer,
    unit,
    snapshot: { index: 3, step: 300, epoch: 3 },
    orbits: { so2: { epsOrbitSize: orbit } },
    complexity: complexity(bytes),
    emergenceEpoch: emergence,
    matchedPrimitive: null,
  };
}

function evidence(over: Partial<Evidence>): Evidence {
  return {
    seeds: [0, 1],
    layerCount: 1,
    snapshotEpochs: [0, 1, 2, 3],
    checks: [],
    randomSearch: [],
    races: [],
    primitives: [],
    features: [],
    layers: [],
    residuals: [],
    codeSpace: [],
    orbitMeasure: { group: 'so2', field: 'epsOrbitSize', label: 'ε-orbit size under SO(2)' },
    ...over,
  };
}

describe('claims on constructed evidence', () => {
  it('claimC0 is supported when every |O||S| = |G| and reports a bug otherwise', () => {
    const good = claimC0(evidence({ checks: [{ what: 'f1', group: 'p4m', kind: 'finite', group_size: 2048n, orbit: 256n, stabilizer: 8n }, { what: 'f1', group: 'se2', kind: 'lie', group_size: 3, orbit: 2, stabilizer: 1 }] }));
    expect(good.verdict).toBe('supported');
    expect(ClaimSchema.parse(good)).toBeTruthy();
    const bad = claimC0(evidence({ checks: [{ what: 'f2', group: 'p4m', kind: 'finite', group_size: 2048n, orbit: 256n, stabilizer: 4n }] }));
    expect(bad.verdict).toBe('not supported');
    expect(bad.reason).toMatch(/BUG: 1 checks fail, first: f2 under p4m/);
  });

  it('claimC1 is supported when hits match draws/|O| and not supported when they are 3 times too many', () => {
    const rng = RandomSource.fromSeed(1);
    const mk = (factor: number) =>
      Array.from({ length: 20 }, (_, i) => {
        const orbit = BigInt(8 * (i + 1));
        const draws = 40_000;
        let hits = 0;
        for (let d = 0; d < draws; d++) if (rng.float() < factor / Number(orbit)) hits++;
        return { label: `f${i}`, seed: i % 2, orbitSize: orbit, stabilizerOrder: 2048n / orbit, draws, hits };
      });
    expect(claimC1(evidence({ randomSearch: mk(1) })).verdict).toBe('supported');
    expect(claimC1(evidence({ randomSearch: mk(3) })).verdict).toBe('not supported');
  });

  it('claimC2 on primitives is supported when small orbits emerge first, and ranks never-emerged ones last', () => {
    const prims: PrimitiveRecord[] = [];
    for (const seed of [0, 1, 2])
      ['dot', 'line', 'bar', 'plus', 'corner', 'tee', 'square', 'blob'].forEach((name, i) =>
        prims.push({ seed, name, group: 'p4m', orbitSize: 2 ** (i + 2), stabilizerOrder: 1, complexity: complexity(i), emergenceEpoch: i < 7 ? i * 0.5 : null, bestCosine: 0.95 }),
      );
    const c = claimC2(evidence({ primitives: prims }));
    expect(c.statistic).toBeCloseTo(1, 10);
    expect(c.verdict).toBe('supported');
    expect(c.points.filter((p) => p.series?.startsWith('never')).length).toBe(3);
  });

  it('claimC2 is inconclusive with the reason when no primitive emerges and no unit can stand in', () => {
    const prims = ['dot', 'line'].map((name) => ({ seed: 0, name, group: 'p4m', orbitSize: 4, stabilizerOrder: 1, complexity: complexity(1), emergenceEpoch: null, bestCosine: 0.3 }));
    const c = claimC2(evidence({ primitives: prims }));
    expect(c.verdict).toBe('inconclusive');
    expect(c.measured).toMatch(/Only 0 of 2 primitive observations emerged/);
    expect(c.reason).toMatch(/no unit has both an emergence epoch and an orbit measure/);
  });

  it('claimC2 does not let one emerged primitive among tied censored ones decide: it measures the units instead', () => {
    const prims: PrimitiveRecord[] = ['dot', 'line', 'bar', 'blob'].flatMap((name, i) =>
      [0, 1, 2].map((seed) => ({ seed, name, group: 'p4m', orbitSize: 2 ** (i + 3), stabilizerOrder: 1, complexity: complexity(1), emergenceEpoch: seed === 0 && name === 'line' ? 1 : null, bestCosine: 0.5 })),
    );
    const fs = Array.from({ length: 40 }, (_, u) => feature(u % 2, 1, u, u + 1, u, 100));
    const c = claimC2(evidence({ primitives: prims, features: fs }));
    expect(c.measured).toMatch(/Only 1 of 12 primitive observations emerged/);
    expect(c.points.every((p) => p.series === 'unit')).toBe(true);
    expect(c.verdict).toBe('supported');
    expect(c.table).toHaveLength(12);
  });

  it('claimC2 on units and claimC3 give not supported for a perfect negative relation', () => {
    const fs = Array.from({ length: 40 }, (_, u) => feature(u % 2, 1, u, u + 1, 40 - u, 100 - u));
    expect(claimC2(evidence({ features: fs })).verdict).toBe('not supported');
    expect(claimC3(evidence({ features: fs })).verdict).toBe('not supported');
  });

  it('claimC4 needs two layers and is supported when deeper features are longer', () => {
    const one = claimC4(evidence({ layerCount: 1 }));
    expect(one.verdict).toBe('inconclusive');
    const fs = [...Array.from({ length: 20 }, (_, u) => feature(u % 2, 1, u, 1, 1, 50 + (u % 5))), ...Array.from({ length: 20 }, (_, u) => feature(u % 2, 2, u, 1, 1, 80 + (u % 5)))];
    expect(claimC4(evidence({ layerCount: 2, features: fs })).verdict).toBe('supported');
  });

  it('claimC5 is supported when trained residuals are well below untrained ones', () => {
    const rng = RandomSource.fromSeed(2);
    const residuals = [0, 1].map((seed) => ({
      seed,
      layer: 1,
      trained: Float64Array.from({ length: 200 }, () => 0.1 + 0.05 * rng.float()),
      untrained: Float64Array.from({ length: 200 }, () => 0.9 + 0.2 * rng.float()),
    }));
    const c = claimC5(evidence({ residuals }));
    expect(c.verdict).toBe('supported');
    expect(c.statistic!).toBeGreaterThan(0.8);
  });
});
