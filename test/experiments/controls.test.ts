import { describe, expect, it } from 'vitest';
import {
  judgeMinimalOrbitsSimplest,
  judgeComplexityGrowsWithDepth,
  judgeAutoencodersStabilize,
  simplestEvidence,
  inputLayerEvidence,
  meanBaseline,
  pcaBaseline,
  type Reconstructor,
  type RunContext,
  type MinimalOrbitsSimplestEvidence,
  type ComplexityGrowsWithDepthEvidence,
  type AutoencodersStabilizeEvidence,
} from '../../src/experiments/claims/index.js';
import { controlledClaim } from '../../src/experiments/claims/shared/controlledClaim.js';
import { ClaimSchema } from '../../src/results/index.js';
import { resolveRunConfig } from '../../src/experiments/config.js';
import { RandomSource } from '../../src/core/index.js';
import { factorial, log10BigInt } from '../../src/groups/index.js';
import type { Complexity } from '../../src/analysis/complexity.js';

const SEEDS = Array.from({ length: 10 }, (_, i) => i);

function run(over: Partial<RunContext> = {}): RunContext {
  return {
    seeds: SEEDS,
    layerCount: 2,
    snapshotEpochs: [0, 1, 2],
    config: resolveRunConfig({}),
    orbitMeasure: { group: 'p4m', field: 'epsOrbitSize', label: 'ε-orbit size under p4m' },
    ...over,
  };
}

/** h x w stationary Gaussian random fields: white noise smoothed by a periodic Gaussian of width sigma. */
function randomFields(count: number, h: number, w: number, sigma: number, rng: RandomSource): Float32Array {
  const n = h * w;
  const out = new Float32Array(count * n);
  const white = new Float64Array(n);
  for (let k = 0; k < count; k++) {
    for (let p = 0; p < n; p++) white[p] = rng.normal();
    for (let i = 0; i < h; i++)
      for (let j = 0; j < w; j++) {
        let s = 0;
        for (let a = 0; a < h; a++)
          for (let b = 0; b < w; b++) {
            const di = Math.min(Math.abs(i - a), h - Math.abs(i - a));
            const dj = Math.min(Math.abs(j - b), w - Math.abs(j - b));
            s += white[a * w + b] * Math.exp(-(di * di + dj * dj) / (2 * sigma * sigma));
          }
        out[k * n + i * w + j] = s;
      }
  }
  return out;
}

const cx = (v: number): Complexity => ({ compressedBytes: v, totalVariation: v, spectralEntropy: v, components: v }) as Complexity;

describe('controlledClaim: the verdict is on trained minus control, against every control', () => {
  const seeds = SEEDS;
  const base = { title: 't', measured: 'm', statisticName: 's', seeds, minimumEffect: 0.1, failsWhen: 'f', points: [], axes: { x: '', y: '' } };
  it('supported when trained exceeds every control by more than the minimum effect in every seed', () => {
    const c = controlledClaim({ ...base, controlNames: ['a', 'b'], perSeed: seeds.map((s) => ({ seed: s, trained: 0.8 + 0.01 * s, controls: { a: 0.1, b: 0.3 - 0.01 * s }, n: 10 })) });
    expect(c.verdict).toBe('supported');
    expect(c.control!.name).toBe('b');
    expect(c.difference!.statistic!).toBeCloseTo(0.5 + 0.02 * 4.5, 10);
    expect(ClaimSchema.parse(c)).toBeTruthy();
  });
  it('not supported when one control does as well as trained, however weak the other', () => {
    const rng = RandomSource.fromSeed(3);
    const c = controlledClaim({ ...base, controlNames: ['weak', 'equal'], perSeed: seeds.map((s) => ({ seed: s, trained: 0.6 + 0.02 * rng.normal(), controls: { weak: 0, equal: 0.6 + 0.02 * rng.normal() }, n: 10 })) });
    expect(c.verdict).toBe('not supported');
    expect(c.control!.name).toBe('equal');
    expect(c.controls).toHaveLength(2);
  });
});

describe('C3 against untrained features and phase-randomised surrogates', () => {
  it('random-field features fed to C3 as the trained features are not supported (the surrogates explain them)', async () => {
    const h = 8;
    const w = 8;
    const units = 160;
    const rng = RandomSource.fromSeed(11);
    const seeds: MinimalOrbitsSimplestEvidence[] = [];
    for (const seed of SEEDS) {
      // "trained" = smooth stationary random fields; "initial" = white noise like a fresh init
      const final = randomFields(units, h, w, 1.2, rng);
      const initial = Float32Array.from({ length: units * h * w }, () => rng.normal());
      seeds.push(await simplestEvidence({ seed, final, initial, units, height: h, width: w, group: 'p4m', epsList: [0.5, 0.25, 0.75], rng: rng.fork(seed), primitives: [] }));
    }
    const c = judgeMinimalOrbitsSimplest({ run: run(), seeds }, 0.1);
    expect(ClaimSchema.parse(c)).toBeTruthy();
    expect(c.verdict).toBe('not supported');
    expect(c.control!.name).toBe('phase-randomised surrogates');
    // every eps and every complexity measure is in the sensitivity table, for both controls
    expect(c.sensitivity!.length).toBe(3 * 4 * 2);
  }, 120_000);

  it('is supported when orbit size tracks complexity in the trained features but in no control', () => {
    const rng = RandomSource.fromSeed(5);
    const units = 40;
    const set = (related: boolean) => {
      const orbit = Array.from({ length: units }, (_, u) => u + 1);
      return { orbit: [orbit, orbit], complexity: orbit.map((o) => cx(related ? o + 5 * rng.normal() : rng.normal())) };
    };
    const seeds: MinimalOrbitsSimplestEvidence[] = SEEDS.map((seed) => ({ seed, epsList: [0.5, 0.25], trained: set(true), controls: { untrained: set(false), surrogate: set(false) }, primitives: [] }));
    const c = judgeMinimalOrbitsSimplest({ run: run(), seeds }, 0.1);
    expect(c.verdict).toBe('supported');
    expect(c.sensitivityNote).toBeUndefined();
  });
});

describe('C4 against the deep layers untrained over the trained layers below', () => {
  const layerSets = (l1: number, l2: number, rng: RandomSource) => [Array.from({ length: 20 }, () => cx(l1 + rng.normal())), Array.from({ length: 20 }, () => cx(l2 + rng.normal()))];
  it('not supported when untrained deep layers are as complex as trained ones (depth alone does it)', () => {
    const rng = RandomSource.fromSeed(7);
    const seeds: ComplexityGrowsWithDepthEvidence[] = SEEDS.map((seed) => ({ seed, trained: layerSets(50, 80, rng), controls: { untrained: layerSets(50, 80, rng) } }));
    expect(judgeComplexityGrowsWithDepth({ run: run(), seeds }, 0.1).verdict).toBe('not supported');
  });
  it('supported when training makes the deep layer more complex than its untrained self', () => {
    const rng = RandomSource.fromSeed(8);
    const seeds: ComplexityGrowsWithDepthEvidence[] = SEEDS.map((seed) => ({ seed, trained: layerSets(50, 80, rng), controls: { untrained: layerSets(50, 50, rng) } }));
    const c = judgeComplexityGrowsWithDepth({ run: run(), seeds }, 0.1);
    expect(c.verdict).toBe('supported');
    expect(c.points.some((p) => p.series === 'trained' && p.x === 2)).toBe(true);
  });
  it('needs two layers', () => {
    expect(judgeComplexityGrowsWithDepth({ run: run({ layerCount: 1 }), seeds: [] }, 0.1).verdict).toBe('inconclusive');
  });
});

describe('C5 on held-out inputs against the data mean, PCA and a linear autoencoder', () => {
  const d = 16;
  /** Data on a 3-dimensional subspace plus noise; rows 0..trainCount-1 train, the rest are held out. */
  function data(count: number, rng: RandomSource): Float32Array {
    const basis = Array.from({ length: 3 }, () => Float64Array.from({ length: d }, () => rng.normal()));
    const x = new Float32Array(count * d);
    for (let i = 0; i < count; i++) {
      const z = basis.map(() => rng.normal());
      for (let p = 0; p < d; p++) x[i * d + p] = 2 + basis.reduce((s, b, k) => s + b[p] * z[k], 0) + 0.05 * rng.normal();
    }
    return x;
  }
  async function evidence(trainedOf: (train: Float32Array, n: number) => Reconstructor): Promise<AutoencodersStabilizeEvidence[]> {
    const out: AutoencodersStabilizeEvidence[] = [];
    for (const seed of SEEDS) {
      const rng = RandomSource.fromSeed(100 + seed);
      const all = data(600, rng);
      const train = all.subarray(0, 400 * d);
      const held = all.slice(400 * d);
      const controls = [meanBaseline(train, 400, d), pcaBaseline(train, 400, d, 2)];
      out.push({ seed, layers: [], inputLayer: await inputLayerEvidence(trainedOf(train, 400), controls, held, 200, d), heldOut: 200 });
    }
    return out;
  }
  it('a constant-mean "autoencoder" A(x) = mean of the training rows is not supported', async () => {
    const c = judgeAutoencodersStabilize({ run: run(), seeds: await evidence((train, n) => meanBaseline(train, n, d)) }, 0.05);
    expect(ClaimSchema.parse(c)).toBeTruthy();
    expect(c.verdict).toBe('not supported');
    // no better than the mean it is (difference 0), and worse than PCA
    expect(c.controls.find((k) => k.name === 'data mean')!.difference.statistic!).toBeCloseTo(0, 10);
    expect(c.difference!.statistic!).toBeLessThan(0);
  });
  it('permutation shadows generating Sym(208) x Sym(4) give a finite log10 order (208! overflows a double)', () => {
    const degree = 300;
    const perm = (cycles: number[][]) => {
      const p = Int32Array.from({ length: degree }, (_, i) => i);
      for (const c of cycles) c.forEach((x, j) => (p[x] = c[(j + 1) % c.length]));
      return p;
    };
    const ring = Array.from({ length: 208 }, (_, i) => i);
    const fit = { median: 0.5, shadowError: 0.3 };
    const seeds: AutoencodersStabilizeEvidence[] = [perm([[0, 1], [250, 251]]), perm([ring, [251, 252, 253]])].map((permutation, seed) => ({ seed, layers: [], inputLayer: { trained: fit, permutation, controls: { 'data mean': fit } }, heldOut: 10 }));
    const c = judgeAutoencodersStabilize({ run: run({ seeds: [0, 1] }), seeds }, 0.05);
    expect(ClaimSchema.parse(c)).toBeTruthy();
    const order = c.secondary!.find((s) => s.name.includes('order of the group'))!;
    // the sign on the 208 points is not tied to the 4 others, so the group is the full product
    expect(order.statistic).toBeCloseTo(log10BigInt(factorial(208) * 24n), 9);
    expect(order.note).toMatch(/^order ≈ 5.786 × 10\^394 \(395 digits\);.*sizes 208, 4\).*giant-orbit$/);
  });

  it('a map that keeps the data subspace beats the mean and a rank-2 PCA and is supported', async () => {
    const c = judgeAutoencodersStabilize({ run: run(), seeds: await evidence((train, n) => pcaBaseline(train, n, d, 3)) }, 0.05);
    expect(c.verdict).toBe('supported');
    expect(c.control!.name).toBe('PCA, k = 2');
    expect(c.secondary!.length).toBeGreaterThan(0);
  });
});
