import { describe, expect, it } from 'vitest';
import {
  judgeMinimalOrbitsFirst,
  type PrimitiveRecord,
  type RunContext,
  type Pooled,
} from '../../src/experiments/claims/index.js';
import { checkOrbitStabilizer, checkRandomSearch } from '../../src/experiments/selfChecks/index.js';
import type { FeatureResult } from '../../src/results/index.js';
import { CheckSchema, ClaimSchema } from '../../src/results/index.js';
import { resolveRunConfig } from '../../src/experiments/config.js';
import { CONTROL_NAME } from '../../src/experiments/claims/minimalOrbitsFirst/judge.js';
import { syntheticEmergenceSeeds } from '../../src/testing/syntheticEmergence.js';

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
  judgeMinimalOrbitsFirst(pooled([...new Set([...primitives, ...units].map((x) => x.seed))].map((seed) => ({ seed, primitives: primitives.filter((p) => p.seed === seed), units: units.filter((u) => u.seed === seed), order: null, confound: null }))), 0.1);

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

  it('the C1 self-check passes at the expected hits, fails at three times as many, and pools tallies by orbit size', () => {
    const recs = [8n, 16n].map((orbit, i) => ({ label: `f${i}`, seed: 0, orbitSize: orbit, stabilizerOrder: 64n / orbit, draws: 1600, hits: Number(1600n / orbit) }));
    const pass = checkRandomSearch(recs, []);
    expect(pass.status).toBe('pass');
    expect(pass.table!.some((r) => r.what === 'features with |O| = 16' && r['stabilising draws'] === 100)).toBe(true);
    expect(checkRandomSearch(recs.map((r) => ({ ...r, hits: 3 * r.hits })), []).status).toBe('fail');
  });

  it('C2 without a synthetic world is inconclusive and reports the unit statistics only as secondary, even for a perfect unit relation', () => {
    const fs = Array.from({ length: 40 }, (_, u) => feature(u % 2, 1, u, u + 1, u, 100));
    const c = c2([], fs);
    expect(c.verdict).toBe('inconclusive');
    expect(c.reason).toMatch(/no synthetic world with known orbits/);
    expect(c.statistic).toBeNull();
    expect(c.secondary!.map((s) => s.name)).toEqual([
      'units: Spearman rho(ε-orbit size under SO(2), settling epoch)',
      'units: Spearman rho(compressed length, settling epoch)',
      'units: Spearman rho(total variation, settling epoch)',
    ]);
    expect(c.secondary![0].statistic).toBeCloseTo(1, 10);
    expect(ClaimSchema.parse(c)).toBeTruthy();
  });

  it('C2 fed primitive orders with no orbit effect (both networks follow variance) is not supported, judged on trained minus the linear twin', () => {
    const orders = syntheticEmergenceSeeds(0);
    const c = judgeMinimalOrbitsFirst(pooled(orders.map((order) => ({ seed: order.seed, primitives: [], units: [], order, confound: null })), { seeds: orders.map((o) => o.seed) }), 0.1);
    expect(c.verdict).toBe('not supported');
    expect(c.control!.name).toBe(CONTROL_NAME);
    expect(c.difference!.ci![1]).toBeLessThan(0.1);
    expect(c.perSeed).toHaveLength(10);
    expect(c.perSeed.every((s) => s.difference !== null && s.control !== null)).toBe(true);
    expect(ClaimSchema.parse(c)).toBeTruthy();
  });

  it('C2 fed primitive orders where the trained network alone orders by orbit size is supported', () => {
    const orders = syntheticEmergenceSeeds(1);
    const c = judgeMinimalOrbitsFirst(pooled(orders.map((order) => ({ seed: order.seed, primitives: [], units: [], order, confound: null }))), 0.1);
    expect(c.verdict).toBe('supported');
    expect(c.difference!.ci![0]).toBeGreaterThan(0.1);
  });
});
