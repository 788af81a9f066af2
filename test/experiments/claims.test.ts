import { describe, expect, it } from 'vitest';
import {
  judgeMinimalOrbitsFirst,
  type PrimitiveRecord,
  type RunContext,
  type Pooled,
} from '../../src/experiments/claims/index.js';
import { checkOrbitStabilizer, checkRandomSearch } from '../../src/experiments/selfChecks/index.js';
import type { FeatureResult } from '../../src/results/index.js';
import { CheckSchema } from '../../src/results/index.js';
import { resolveRunConfig } from '../../src/experiments/config.js';
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

function runContext(over: Partial<RunContext> = {}): RunContext {
  return {
    seeds: [0, 1],
    layerCount: 1,
    snapshotEpochs: [0, 1, 2, 3],
    config: resolveRunConfig({ quick: true }),
    orbitMeasure: { group: 'so2', field: 'epsOrbitSize', label: 'ε-orbit size under SO(2)' },
    ...over,
  };
}

/** Evidence split by seed, as the orchestration pools it. */
function pooled<E extends { seed: number }>(items: readonly E[], over: Partial<RunContext> = {}): Pooled<E> {
  return { run: runContext(over), seeds: items };
}

const c2 = (primitives: PrimitiveRecord[], units: FeatureResult[] = []) =>
  judgeMinimalOrbitsFirst(pooled([...new Set([...primitives, ...units].map((x) => x.seed))].map((seed) => ({ seed, primitives: primitives.filter((p) => p.seed === seed), units: units.filter((u) => u.seed === seed) }))), 0.1);

describe('claims on constructed evidence', () => {
  it('the C0 self-check passes when every |O||S| = |G| and reports a bug otherwise', () => {
    const good = checkOrbitStabilizer([{ what: 'f1', group: 'p4m', kind: 'finite', group_size: 2048n, orbit: 256n, stabilizer: 8n }, { what: 'f1', group: 'se2', kind: 'lie', group_size: 3, orbit: 2, stabilizer: 1 }]);
    expect(good.status).toBe('pass');
    expect(CheckSchema.parse(good)).toBeTruthy();
    const bad = checkOrbitStabilizer([{ what: 'f2', group: 'p4m', kind: 'finite', group_size: 2048n, orbit: 256n, stabilizer: 4n }]);
    expect(bad.status).toBe('fail');
    expect(bad.reason).toMatch(/BUG: 1 checks fail, first: f2 under p4m/);
  });

  it('the C1 self-check passes when hits match draws/|O| and fails when they are 3 times too many', () => {
    const rng = RandomSource.fromSeed(1);
    const mk = (factor: number) =>
      Array.from({ length: 20 }, (_, i) => {
        const orbit = BigInt(8 * (i + 1));
        const draws = 40_000;
        let hits = 0;
        for (let d = 0; d < draws; d++) if (rng.float() < factor / Number(orbit)) hits++;
        return { label: `f${i}`, seed: i % 2, orbitSize: orbit, stabilizerOrder: 2048n / orbit, draws, hits };
      });
    expect(checkRandomSearch(mk(1), []).status).toBe('pass');
    expect(checkRandomSearch(mk(3), []).status).toBe('fail');
  });

  it('C2 on primitives is supported when small orbits emerge first, and ranks never-emerged ones last', () => {
    const prims: PrimitiveRecord[] = [];
    for (const seed of [0, 1, 2])
      ['dot', 'line', 'bar', 'plus', 'corner', 'tee', 'square', 'blob'].forEach((name, i) =>
        prims.push({ seed, name, group: 'p4m', orbitSize: 2 ** (i + 2), stabilizerOrder: 1, complexity: complexity(i), emergenceEpoch: i < 7 ? i * 0.5 : null, bestCosine: 0.95 }),
      );
    const c = c2(prims);
    expect(c.statistic).toBeCloseTo(1, 10);
    expect(c.verdict).toBe('supported');
    expect(c.points.filter((p) => p.series?.startsWith('never')).length).toBe(3);
  });

  it('C2 is inconclusive with the reason when no primitive emerges and no unit can stand in', () => {
    const prims = ['dot', 'line'].map((name) => ({ seed: 0, name, group: 'p4m', orbitSize: 4, stabilizerOrder: 1, complexity: complexity(1), emergenceEpoch: null, bestCosine: 0.3 }));
    const c = c2(prims);
    expect(c.verdict).toBe('inconclusive');
    expect(c.measured).toMatch(/Only 0 of 2 primitive observations emerged/);
    expect(c.reason).toMatch(/no unit has both an emergence epoch and an orbit measure/);
  });

  it('C2 does not let one emerged primitive among tied censored ones decide: it measures the units instead', () => {
    const prims: PrimitiveRecord[] = ['dot', 'line', 'bar', 'blob'].flatMap((name, i) =>
      [0, 1, 2].map((seed) => ({ seed, name, group: 'p4m', orbitSize: 2 ** (i + 3), stabilizerOrder: 1, complexity: complexity(1), emergenceEpoch: seed === 0 && name === 'line' ? 1 : null, bestCosine: 0.5 })),
    );
    const fs = Array.from({ length: 40 }, (_, u) => feature(u % 2, 1, u, u + 1, u, 100));
    const c = c2(prims, fs);
    expect(c.measured).toMatch(/Only 1 of 12 primitive observations emerged/);
    expect(c.points.every((p) => p.series === 'unit')).toBe(true);
    expect(c.verdict).toBe('supported');
    expect(c.table).toHaveLength(12);
  });

  it('C2 on units gives not supported for a perfect negative relation', () => {
    const fs = Array.from({ length: 40 }, (_, u) => feature(u % 2, 1, u, u + 1, 40 - u, 100 - u));
    expect(c2([], fs).verdict).toBe('not supported');
  });
});
