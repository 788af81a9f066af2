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
  it('the C0 self-check passes when every independent check passes and reports the first failure as a bug', () => {
    const ok = { name: 'seed 0 layer 1 unit 3 under p4m', passed: true, details: 'orbit 256 = 2048 / 8', group: 'p4m', kind: 'finite' as const };
    const good = checkOrbitStabilizer([ok, { ...ok, group: 'se2', kind: 'lie' }]);
    expect(good.status).toBe('pass');
    expect(CheckSchema.parse(good)).toBeTruthy();
    const bad = checkOrbitStabilizer([ok, { ...ok, name: 'f2', passed: false, details: 'orbit 128 != 2048 / 8' }]);
    expect(bad.status).toBe('fail');
    expect(bad.reason).toMatch(/BUG: 1 of 2 checks fail, first: f2: orbit 128/);
    expect(checkOrbitStabilizer([]).status).toBe('not run');
  });

  it('the C1 self-check fails when a chi-square or race check fails, and pools tallies by orbit size', () => {
    const recs = [8n, 16n].map((orbit, i) => ({ label: `f${i}`, seed: 0, orbitSize: orbit, stabilizerOrder: 64n / orbit, draws: 1600, hits: Number(1600n / orbit) }));
    const pass = checkRandomSearch(recs, [], [{ name: 'random search, seed 0', passed: true, details: 'p = 0.5' }]);
    expect(pass.status).toBe('pass');
    expect(pass.table!.some((r) => r.what === 'features with |O| = 16' && r['stabilising draws'] === 100)).toBe(true);
    expect(checkRandomSearch(recs, [], [{ name: 'race, seed 0', passed: false, details: 'p = 1e-9' }]).status).toBe('fail');
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
