import { describe, expect, it } from 'vitest';
import {
  judgeMinimalOrbitsFirst,
  type PrimitiveRecord,
  type RunContext,
  type Pooled,
} from '../../src/experiments/claims/index.js';
import { checkOrbitStabilizer, checkRandomSearch } from '../../src/experiments/selfChecks/index.js';
import type { FeatureResult } from '../../src/results/index.js';
import { ClaimSchema, CheckSchema } from '../../src/results/index.js';
import { resolveRunConfig } from '../../src/experiments/config.js';
import { RandomSource } from '../../src/core/index.js';
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
  judgeMinimalOrbitsFirst(pooled([...new Set([...primitives, ...units].map((x) => x.seed))].map((seed) => ({ seed, primitives: primitives.filter((p) => p.seed === seed), units: units.filter((u) => u.seed === seed), unitVarianceShares: units.filter((u) => u.seed === seed).map((u) => 1 / (1 + u.unit)), order: null, confound: null, labels: null, spectra: null }))), 0.1);

describe('claims on constructed evidence', () => {
  it('the C0 self-check passes when every |O||S| = |G| and its independent check hold, and reports a bug otherwise', () => {
    const ok = { name: 'f1', passed: true, details: 'enumerated' };
    const good = checkOrbitStabilizer([{ what: 'f1', group: 'p4m', kind: 'finite', group_size: 2048n, orbit: 256n, stabilizer: 8n, independent: ok }, { what: 'f1', group: 'se2', kind: 'lie', group_size: 3, orbit: 2, stabilizer: 1, independent: ok }]);
    expect(good.status).toBe('pass');
    expect(CheckSchema.parse(good)).toBeTruthy();
    const bad = checkOrbitStabilizer([{ what: 'f2', group: 'p4m', kind: 'finite', group_size: 2048n, orbit: 256n, stabilizer: 4n, independent: ok }]);
    expect(bad.status).toBe('fail');
    expect(bad.reason).toMatch(/BUG: 1 checks fail, first: f2 under p4m/);
    // the arithmetic holds by construction; the enumerated orbit does not agree
    const wrong = { name: 'f3', passed: false, details: 'enumerated orbit has 36 images, reported |O| = 288' };
    const hidden = checkOrbitStabilizer([{ what: 'f3', group: 'p4m', kind: 'finite', group_size: 288n, orbit: 288n, stabilizer: 1n, independent: wrong }]);
    expect(hidden.status).toBe('fail');
    expect(hidden.reason).toBe('BUG: 1 checks fail, first: f3 under p4m: enumerated orbit has 36 images, reported |O| = 288');
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

  it('C2 without a synthetic world is inconclusive and reports the unit statistics only as secondary, even for a perfect unit relation', () => {
    const fs = Array.from({ length: 40 }, (_, u) => feature(u % 2, 1, u, u + 1, u, 100));
    const c = c2([], fs);
    expect(c.verdict).toBe('inconclusive');
    expect(c.reason).toMatch(/no synthetic world with known orbits/);
    expect(c.statistic).toBeNull();
    expect(c.secondary!.map((s) => s.name)).toEqual([
      'units: Spearman rho(ε-orbit size under SO(2), settling epoch)',
      "units: partial Spearman rho(ε-orbit size under SO(2), settling epoch | variance share of the unit's weights)",
      'units: Spearman rho(compressed length, settling epoch)',
      'units: Spearman rho(total variation, settling epoch)',
    ]);
    expect(c.secondary![0].statistic).toBeCloseTo(1, 10);
    // here each unit's variance share falls exactly as its orbit measure grows: nothing of the orbit is left apart from variance
    expect(c.secondary![1].statistic).toBeNull();
    expect(ClaimSchema.parse(c)).toBeTruthy();
  });

  it('C2 fed primitive orders with no orbit effect (both networks follow variance) is not supported, judged on trained minus the linear twin', () => {
    const orders = syntheticEmergenceSeeds(0);
    const c = judgeMinimalOrbitsFirst(pooled(orders.map((order) => ({ seed: order.seed, primitives: [], units: [], unitVarianceShares: [], order, confound: null, labels: null, spectra: null })), { seeds: orders.map((o) => o.seed) }), 0.1);
    expect(c.verdict).toBe('not supported');
    expect(c.control!.name).toBe(CONTROL_NAME);
    expect(c.difference!.ci![1]).toBeLessThan(0.1);
    expect(c.perSeed).toHaveLength(10);
    expect(c.perSeed.every((s) => s.difference !== null && s.control !== null)).toBe(true);
    expect(ClaimSchema.parse(c)).toBeTruthy();
  });

  it('C2 fed primitive orders where the trained network alone orders by orbit size is supported', () => {
    const orders = syntheticEmergenceSeeds(1);
    const c = judgeMinimalOrbitsFirst(pooled(orders.map((order) => ({ seed: order.seed, primitives: [], units: [], unitVarianceShares: [], order, confound: null, labels: null, spectra: null }))), 0.1);
    expect(c.verdict).toBe('supported');
    expect(c.difference!.ci![0]).toBeGreaterThan(0.1);
  });

  it('C2 with spectra repeats the primitive test with the pixel measures as secondary statistics: a measure that ranks like the orbit measure gives the primary difference again', () => {
    // one world: every seed's primitives carry seed 0's orbit measures (the synthetic seeds draw their own)
    const orders = syntheticEmergenceSeeds(1).map((o, _, all) => ({ ...o, primitives: o.primitives.map((p, k) => ({ ...p, orbitSize: all[0].primitives[k].orbitSize })) }));
    const measures = (p: { orbitSize: number }) => ({ idealDim: 0, pixelDim: 0, singularValues: [p.orbitSize], epsOrbitSize: p.orbitSize, epsStabilizerMeasure: null });
    const spectra = orders[0].primitives.map((p) => ({ name: p.name, side: 1, pixels: new Float32Array(1), gl2: measures(p), aff2: measures(p) })) as never;
    const c = judgeMinimalOrbitsFirst(pooled(orders.map((order) => ({ seed: order.seed, primitives: [], units: [], unitVarianceShares: [], order, confound: null, labels: null, spectra }))), 0.1);
    const extra = c.secondary!.filter((s) => s.name.startsWith('trained − linear'));
    expect(extra.map((s) => s.name)).toEqual([
      'trained − linear: partial Spearman rho(Aff(2) ε-orbit volume of the rendered primitive, emergence | variance share)',
      'trained − linear: partial Spearman rho(smallest GL(2) tangent singular value of the rendered primitive, emergence | variance share)',
    ]);
    for (const s of extra) {
      expect(s.statistic).toBe(c.difference!.statistic);
      expect(s.note).toContain(`would be ${c.verdict}`);
    }
  });
});
