import { describe, expect, it } from 'vitest';
import type { FeatureOrbitNumbers } from '../../../src/results/orbitNumbers.js';
import { RandomSource } from '../../../src/core/random.js';
import { featureOrbits } from '../../../src/analysis/featureOrbits.js';
import { gaussianBlob } from '../../../src/testing/index.js';
import { checkFeatureOrbits, summarizeChecks } from '../../../src/experiments/checks/index.js';

const n = 12;

describe('checkFeatureOrbits: C0 from the orbit numbers the run already has', () => {
  it('passes under p4m, so2 and se2 for a blob and random features; a corrupted |S| fails', async () => {
    const rng = RandomSource.fromSeed(2);
    const features = new Float32Array(3 * n * n);
    features.set(gaussianBlob(n, n, 2), 0);
    for (let p = n * n; p < 3 * n * n; p++) features[p] = rng.normal();
    const settings = { levels: 4, tol: 1e-2 };
    const orbits = await featureOrbits(features, 3, n, n, { groups: ['p4m', 'so2', 'se2'], levels: settings.levels, tol: settings.tol, eps: null });
    const results = orbits.flatMap((o, f) => checkFeatureOrbits(`unit ${f}`, features.subarray(f * n * n, (f + 1) * n * n), n, n, o, settings));
    expect(results.length).toBe(9);
    expect(results.every((r) => r.passed), JSON.stringify(results.filter((r) => !r.passed))).toBe(true);
    expect(summarizeChecks('C0', results)).toEqual({ name: 'C0', passed: true, details: '9 of 9 checks pass' });

    const bad: FeatureOrbitNumbers = { ...orbits[0], p4m: { kind: 'finite', groupOrder: 1152n, orbitSize: 1152n, stabilizerOrder: 1n, levels: settings.levels } };
    const corrupted = checkFeatureOrbits('unit 0', features.subarray(0, n * n), n, n, bad, settings);
    const s = summarizeChecks('C0', corrupted);
    expect(s.passed).toBe(false);
    expect(s.details).toMatch(/^BUG: 1 of 3 checks fail; first: unit 0 under p4m: /);
  });
});
