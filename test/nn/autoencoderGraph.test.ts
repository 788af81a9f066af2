import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/core/index.js';
import { compile, float32, type Tensor } from '../../src/engine/index.js';
import { autoencoderParamNames, autoencoderParamShapes, buildAutoencoderGraph, type AutoencoderGraphSpec } from '../../src/nn/autoencoderGraph.js';
import { minibatchFeeds, stepSlices } from '../../src/nn/graphOps.js';

/** The data input and rows@k of K minibatches of B rows taken in order from x [K B, d]. */
const inOrder = (x: Float32Array, d: number, K: number, B: number) => minibatchFeeds('x', x, d, Int32Array.from({ length: K * B }, (_, i) => i), 0, K, B);
import { autoencoderObjectiveReference } from '../../src/testing/index.js';

const base: AutoencoderGraphSpec = {
  sizes: [6, 4],
  encoder: ['sigmoid'],
  decoder: ['sigmoid'],
  tied: true,
  loss: 'bce',
  noise: 'none',
  sparsityTarget: 0.1,
  sparsityWeight: 0,
  weightDecay: 0,
  optimizer: 'sgd',
  lr: 1,
  momentum: 0,
  adam: { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  steps: 1,
  batch: 3,
};

function randomParams(spec: AutoencoderGraphSpec, rng: RandomSource): Record<string, Float32Array> {
  const shapes = autoencoderParamShapes(spec.sizes, spec.tied);
  const out: Record<string, Float32Array> = {};
  for (const [n, s] of Object.entries(shapes)) out[n] = rng.fillUniform(new Float32Array(s.reduce((a, b) => a * b, 1)), -0.6, 0.6);
  return out;
}

/** One plain SGD step with lr 1 and no momentum: the graph's gradient is p - p_out. */
async function graphGradient(spec: AutoencoderGraphSpec, params: Record<string, Float32Array>, x: Float32Array, noise: Float32Array | null, batch: number) {
  const s = await compile(buildAutoencoderGraph({ ...spec, batch }), { threads: 1 });
  const shapes = autoencoderParamShapes(spec.sizes, spec.tied);
  const d = spec.sizes[0];
  const feeds: Record<string, Tensor> = inOrder(x, d, 1, batch);
  if (noise) Object.assign(feeds, stepSlices('noise', noise, 1, [batch, d]));
  for (const [n, p] of Object.entries(params)) feeds[n] = float32(p, shapes[n]);
  const out = await s.run(feeds);
  const grad: Record<string, Float64Array> = {};
  for (const n of Object.keys(params)) grad[n] = Float64Array.from(params[n], (v, i) => v - (out[`${n}_out`].data as Float32Array)[i]);
  return { grad, loss: (out.loss.data as Float32Array)[0] };
}

async function checkGradient(over: Partial<AutoencoderGraphSpec>, seed: number) {
  const spec = { ...base, ...over };
  const rng = RandomSource.fromSeed(seed);
  const batch = 3;
  const d = spec.sizes[0];
  const params = randomParams(spec, rng);
  const x = rng.fillUniform(new Float32Array(batch * d), 0.05, 0.95);
  let noise: Float32Array | null = null;
  if (spec.noise === 'mask') noise = Float32Array.from({ length: batch * d }, () => (rng.float() < 0.3 ? 0 : 1));
  if (spec.noise === 'gaussian') noise = rng.fillNormal(new Float32Array(batch * d), 0, 0.2);
  const { grad } = await graphGradient(spec, params, x, noise, batch);
  const p64: Record<string, Float64Array> = {};
  for (const [n, p] of Object.entries(params)) p64[n] = Float64Array.from(p);
  const h = 1e-6;
  let worst = 0;
  for (const n of autoencoderParamNames(spec.sizes.length - 1, spec.tied)) {
    for (let i = 0; i < p64[n].length; i++) {
      const keep = p64[n][i];
      p64[n][i] = keep + h;
      const up = autoencoderObjectiveReference(spec, p64, x, noise, batch);
      p64[n][i] = keep - h;
      const down = autoencoderObjectiveReference(spec, p64, x, noise, batch);
      p64[n][i] = keep;
      const fd = (up - down) / (2 * h);
      worst = Math.max(worst, Math.abs(grad[n][i] - fd) / Math.max(0.1, Math.abs(fd)));
    }
  }
  return worst;
}

describe('buildAutoencoderGraph gradients against float64 finite differences', () => {
  const cases: [string, Partial<AutoencoderGraphSpec>][] = [
    ['tied sigmoid, bce', {}],
    ['untied sigmoid, bce', { tied: false }],
    ['tied sigmoid, mse', { loss: 'mse' }],
    ['tanh encoder, linear decoder, mse', { encoder: ['tanh'], decoder: ['linear'], loss: 'mse' }],
    ['relu encoder, tanh decoder, mse, untied', { encoder: ['relu'], decoder: ['tanh'], loss: 'mse', tied: false }],
    ['linear encoder, sigmoid decoder, mse', { encoder: ['linear'], decoder: ['sigmoid'], loss: 'mse' }],
    ['masking noise', { noise: 'mask' }],
    ['gaussian noise, mse', { noise: 'gaussian', loss: 'mse' }],
    ['sparsity', { sparsityWeight: 0.7, sparsityTarget: 0.2 }],
    ['weight decay, tied', { weightDecay: 0.3 }],
    ['weight decay, untied', { weightDecay: 0.3, tied: false }],
    ['deep 6-4-3 tied', { sizes: [6, 4, 3], encoder: ['sigmoid', 'sigmoid'], decoder: ['sigmoid', 'sigmoid'] }],
    [
      'deep 6-5-3 untied, tanh, mse, sparsity, decay, gaussian noise',
      { sizes: [6, 5, 3], encoder: ['tanh', 'sigmoid'], decoder: ['linear', 'tanh'], tied: false, loss: 'mse', sparsityWeight: 0.5, weightDecay: 0.1, noise: 'gaussian' },
    ],
  ];
  cases.forEach(([name, over], i) => {
    it(`buildAutoencoderGraph(${name}) steps along minus the finite-difference gradient`, async () => {
      expect(await checkGradient(over, 100 + i)).toBeLessThan(2e-4);
    });
  });

  it('buildAutoencoderGraph(sgd, momentum 0) carries no velocity: its only inputs are the data and the parameters', async () => {
    const s = await compile(buildAutoencoderGraph({ ...base, tied: false }), { threads: 1 });
    expect([...s.inputNames].sort()).toEqual(['V0', 'W0', 'b0', 'c0', 'rows@0', 'x']);
    expect([...s.outputNames].sort()).toEqual(['V0_out', 'W0_out', 'b0_out', 'c0_out', 'loss']);
  });

  it('buildAutoencoderGraph reports the reference loss before the step', async () => {
    const spec = { ...base, loss: 'bce' as const };
    const rng = RandomSource.fromSeed(5);
    const params = randomParams(spec, rng);
    const x = rng.fillUniform(new Float32Array(12), 0, 1);
    const { loss } = await graphGradient(spec, params, x, null, 2);
    const p64 = Object.fromEntries(Object.entries(params).map(([n, p]) => [n, Float64Array.from(p)]));
    expect(loss).toBeCloseTo(autoencoderObjectiveReference(spec, p64, x, null, 2), 5);
  });
});

describe('buildAutoencoderGraph optimisers and unrolling', () => {
  const shapes = autoencoderParamShapes(base.sizes, true);
  const rng = RandomSource.fromSeed(77);
  const params = randomParams(base, rng);
  const x = rng.fillUniform(new Float32Array(3 * 3 * 6), 0.05, 0.95);

  it('buildAutoencoderGraph(adam) applies p - lr m^ / (sqrt(s^) + eps) with bias-corrected moments', async () => {
    const { grad } = await graphGradient(base, params, x.subarray(0, 18), null, 3);
    const spec = { ...base, optimizer: 'adam' as const, lr: 0.05 };
    const s = await compile(buildAutoencoderGraph(spec), { threads: 1 });
    const m0 = 0.01;
    const s0 = 0.02;
    const t = 3;
    const feeds: Record<string, Tensor> = { ...inOrder(x.subarray(0, 18), 6, 1, 3), 'adamC1@0': float32([1 / (1 - 0.9 ** t)], []), 'adamC2@0': float32([1 / (1 - 0.999 ** t)], []) };
    for (const [n, p] of Object.entries(params)) {
      feeds[n] = float32(p, shapes[n]);
      feeds[`${n}.m`] = float32(new Float32Array(p.length).fill(m0), shapes[n]);
      feeds[`${n}.s`] = float32(new Float32Array(p.length).fill(s0), shapes[n]);
    }
    const out = await s.run(feeds);
    let worst = 0;
    for (const n of Object.keys(params)) {
      for (let i = 0; i < params[n].length; i++) {
        const g = grad[n][i];
        const m = 0.9 * m0 + 0.1 * g;
        const v = 0.999 * s0 + 0.001 * g * g;
        const want = params[n][i] - (0.05 * (m / (1 - 0.9 ** t))) / (Math.sqrt(v / (1 - 0.999 ** t)) + 1e-8);
        worst = Math.max(worst, Math.abs((out[`${n}_out`].data as Float32Array)[i] - want));
      }
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it('buildAutoencoderGraph(steps 3) equals three single-step runs with momentum', async () => {
    const run = async (K: number, xs: Float32Array, p: Record<string, Tensor>) => {
      const s = await compile(buildAutoencoderGraph({ ...base, steps: K, lr: 0.3, momentum: 0.9 }), { threads: 1 });
      return s.run({ ...p, ...inOrder(xs, 6, K, 3) });
    };
    const start: Record<string, Tensor> = {};
    for (const [n, p] of Object.entries(params)) {
      start[n] = float32(p, shapes[n]);
      start[`${n}.v`] = float32(new Float32Array(p.length), shapes[n]);
    }
    const all = await run(3, x, start);
    let cur = start;
    const losses: number[] = [];
    for (let k = 0; k < 3; k++) {
      const out = await run(1, x.subarray(k * 18, (k + 1) * 18), cur);
      cur = Object.fromEntries(Object.keys(start).map((n) => [n, out[`${n}_out`]]));
      losses.push((out.loss.data as Float32Array)[0]);
    }
    for (const n of Object.keys(start)) {
      const a = all[`${n}_out`].data as Float32Array;
      const b = cur[n].data as Float32Array;
      for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-6);
    }
    Array.from(all.loss.data as Float32Array).forEach((l, k) => expect(l).toBeCloseTo(losses[k], 5));
  });

  it('buildAutoencoderGraph(sgd, momentum 0.9, decay) applies v\' = mu v - lr grad, p\' = p + v\' for every parameter', async () => {
    const spec = { ...base, tied: false, weightDecay: 0.2 };
    const { grad } = await graphGradient(spec, params2(spec), x.subarray(0, 18), null, 3);
    const p = params2(spec);
    const sh = autoencoderParamShapes(spec.sizes, false);
    const s = await compile(buildAutoencoderGraph({ ...spec, lr: 0.07, momentum: 0.9 }), { threads: 1 });
    const feeds: Record<string, Tensor> = inOrder(x.subarray(0, 18), 6, 1, 3);
    for (const [n, a] of Object.entries(p)) {
      feeds[n] = float32(a, sh[n]);
      feeds[`${n}.v`] = float32(Float32Array.from(a, (_, i) => 0.01 * ((i % 5) - 2)), sh[n]);
    }
    const out = await s.run(feeds);
    for (const n of Object.keys(p)) {
      const v0 = feeds[`${n}.v`].data as Float32Array;
      for (let i = 0; i < p[n].length; i++) {
        const v = 0.9 * v0[i] - 0.07 * grad[n][i];
        expect(Math.abs((out[`${n}.v_out`].data as Float32Array)[i] - v)).toBeLessThan(1e-6);
        expect(Math.abs((out[`${n}_out`].data as Float32Array)[i] - (p[n][i] + v))).toBeLessThan(1e-6);
      }
    }
  });
});

function params2(spec: AutoencoderGraphSpec): Record<string, Float32Array> {
  return randomParams(spec, RandomSource.fromSeed(99));
}

