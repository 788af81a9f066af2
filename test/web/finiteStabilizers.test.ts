import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RandomSource } from '../../src/core/random.js';
import { parseNpy } from '../../src/data/npy.js';
import { featureOrbits } from '../../src/analysis/featureOrbits.js';
import { bruteForceElements } from '../../src/testing/index.js';
import { writeFixtureRun } from '../../src/testing/fixtureRun.js';
import { d4EpsStabilizer, epsStabilizerSize } from '../../src/web/shared/finiteStabilizers.js';

/** S_eps from the definition: every element of the oracle's group, distances of the centred image in float64. */
function oracleEpsStabilizer(x: ArrayLike<number>, n: number, group: 'd4' | 'p4m', eps: number): number[] {
  const mean = Array.from(x).reduce((a, b) => a + b, 0) / x.length;
  const c = Array.from(x, (v) => v - mean);
  const norm = Math.hypot(...c);
  const out: number[] = [];
  for (const g of bruteForceElements(n, group)) {
    const moved = new Array<number>(n * n);
    for (let p = 0; p < n * n; p++) moved[g[p]] = c[p];
    const d = Math.hypot(...moved.map((v, p) => v - c[p])) / norm;
    if (d <= eps) out.push(d);
  }
  return out;
}

describe('the explorer\'s finite epsilon-stabilizers are the run\'s', () => {
  it('for every feature of a fixture run, the page\'s |S_eps| under d4 and p4m equals featureOrbits\' epsStabilizerSize (the run\'s analysis) and the brute-force count, and its D4 distances the oracle\'s', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'orbitscope-finite-eps-'));
    try {
      const n = 10;
      await writeFixtureRun(dir, { seeds: [3], units: [8], size: n, snapshots: 2 });
      const eps = 0.5;
      let nonTrivial = 0;
      for (const snap of [0, 1]) {
        const a = parseNpy(new Uint8Array(await readFile(join(dir, 'features', 'seed-3', 'layer-1', `snapshot-${snap}.npy`))), 'npy');
        const features = a.data as Float32Array;
        const run = await featureOrbits(features, 8, n, n, { groups: ['d4', 'p4m'], levels: 8, tol: 0.01, eps: null, finiteEps: eps });
        for (let u = 0; u < 8; u++) {
          const x = features.subarray(u * n * n, (u + 1) * n * n);
          for (const g of ['d4', 'p4m'] as const) {
            const rec = run[u][g];
            if (rec?.kind !== 'finite') throw new Error('expected a finite record');
            const page = epsStabilizerSize(g, x, n, n, eps);
            expect(page).toBe(rec.epsStabilizerSize);
            expect(page).toBe(oracleEpsStabilizer(x, n, g, eps).length);
          }
          const named = d4EpsStabilizer(x, n, eps);
          const oracle = oracleEpsStabilizer(x, n, 'd4', eps).sort((p, q) => p - q);
          expect(named.map((e) => e.distance).sort((p, q) => p - q).map((d, k) => Math.abs(d - oracle[k]))).toEqual(oracle.map(() => expect.closeTo(0, 5)));
          if (named.length > 1) nonTrivial++;
        }
      }
      // the fixture's pictures have symmetry: the comparison is not only of identities
      expect(nonTrivial).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a feature of constant level plus small noise is stabilized by e alone: its mean is not symmetry (the page once used the uncentred frame, which put all of D4 within eps)', () => {
    const n = 9;
    const rng = RandomSource.fromSeed(4);
    const x = Float32Array.from({ length: n * n }, () => 1 + 0.1 * rng.normal());
    expect(d4EpsStabilizer(x, n, 0.5).map((e) => e.element)).toEqual(['e']);
    expect(epsStabilizerSize('p4m', x, n, n, 0.5)).toBe(1);
  });

  it('epsStabilizerSize is null for a name that is no finite group and for a square-only group on a non-square feature', () => {
    expect(epsStabilizerSize('so2', new Float32Array(16), 4, 4, 0.1)).toBeNull();
    expect(epsStabilizerSize('d4', new Float32Array(12), 3, 4, 0.1)).toBeNull();
    expect(epsStabilizerSize('translations', new Float32Array(12), 3, 4, 0)).toBe(12);
  });
});
