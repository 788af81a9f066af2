import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/core/index.js';
import { compile, float32, type Tensor } from '../../src/engine/index.js';
import { buildFreeEnergyGraph, buildRbmGraph, rbmParamShapes, type RbmGraphSpec } from '../../src/nn/rbmGraph.js';
import { rbmExactLogLikelihood, rbmFreeEnergy } from '../../src/nn/rbmExact.js';
import { minibatchFeeds, stepSlices } from '../../src/nn/graphOps.js';
import {
  rbmFreeEnergyByEnumeration,
  rbmLogLikelihoodByEnumeration,
  rbmStepReference,
  type RbmParams64,
} from '../../src/testing/index.js';

const tiny: RbmGraphSpec = { visible: 6, hidden: 4, visibleKind: 'bernoulli', k: 1, persistent: false, sampleVisible: false, weightDecay: 0, lr: 0.1, momentum: 0.5, steps: 1, batch: 5 };

function setup(spec: RbmGraphSpec, seed: number, batch: number) {
  const rng = RandomSource.fromSeed(seed);
  const W = rng.fillUniform(new Float32Array(spec.hidden * spec.visible), -1, 1);
  const b = rng.fillUniform(new Float32Array(spec.hidden), -0.5, 0.5);
  const c = rng.fillUniform(new Float32Array(spec.visible), -0.5, 0.5);
  const n = spec.steps * batch * spec.visible;
  const v = spec.visibleKind === 'bernoulli' ? Float32Array.from({ length: n }, () => (rng.float() < 0.4 ? 1 : 0)) : rng.fillNormal(new Float32Array(n));
  const uh = rng.fillUniform(new Float32Array(spec.steps * spec.k * batch * spec.hidden));
  const nvLen = spec.steps * spec.k * batch * spec.visible;
  const nv = spec.visibleKind === 'bernoulli' ? rng.fillUniform(new Float32Array(nvLen)) : rng.fillNormal(new Float32Array(nvLen));
  const chain = Float32Array.from({ length: batch * spec.hidden }, () => (rng.float() < 0.5 ? 1 : 0));
  return { W, b, c, v, uh, nv, chain };
}

async function compare(spec: RbmGraphSpec, seed: number) {
  const batch = 5;
  const { W, b, c, v, uh, nv, chain } = setup(spec, seed, batch);
  const s = await compile(buildRbmGraph({ ...spec, batch }), { threads: 1 });
  const { lr, momentum: mom } = spec;
  const shapes = rbmParamShapes(spec);
  const vel = { W: new Float32Array(W.length).fill(0.01), b: new Float32Array(b.length).fill(-0.02), c: new Float32Array(c.length).fill(0.03) };
  const feeds: Record<string, Tensor> = {
    ...minibatchFeeds('v', v, spec.visible, Int32Array.from({ length: spec.steps * batch }, (_, i) => i), 0, spec.steps, batch),
    ...stepSlices('uh', uh, spec.steps * spec.k, [batch, spec.hidden]),
    W0: float32(W, shapes.W0),
    b0: float32(b, shapes.b0),
    c0: float32(c, shapes.c0),
    'W0.v': float32(vel.W, shapes.W0),
    'b0.v': float32(vel.b, shapes.b0),
    'c0.v': float32(vel.c, shapes.c0),
  };
  if (spec.sampleVisible) Object.assign(feeds, stepSlices('nv', nv, spec.steps * spec.k, [batch, spec.visible]));
  if (spec.persistent) feeds.chain = float32(chain, [batch, spec.hidden]);
  const out = await s.run(feeds);
  const p: RbmParams64 = { W: Float64Array.from(W), b: Float64Array.from(b), c: Float64Array.from(c) };
  const pv: RbmParams64 = { W: Float64Array.from(vel.W), b: Float64Array.from(vel.b), c: Float64Array.from(vel.c) };
  const ch = Float64Array.from(chain);
  const recon: number[] = [];
  const per = batch * spec.visible;
  for (let t = 0; t < spec.steps; t++) {
    const ku = spec.k * batch * spec.hidden;
    const kv = spec.k * batch * spec.visible;
    recon.push(
      rbmStepReference(
        spec, p, pv, v.subarray(t * per, (t + 1) * per), batch, uh.subarray(t * ku, (t + 1) * ku),
        spec.sampleVisible ? nv.subarray(t * kv, (t + 1) * kv) : null, spec.persistent ? ch : null, lr, mom,
      ),
    );
  }
  return { out, p, pv, ch, recon, chain };
}

function worstDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let w = 0;
  for (let i = 0; i < a.length; i++) w = Math.max(w, Math.abs(a[i] - b[i]));
  return w;
}

describe('buildRbmGraph against a plain TypeScript loop with the same noise (6 visible, 4 hidden)', () => {
  const cases: [string, Partial<RbmGraphSpec>][] = [
    ['CD-1', {}],
    ['CD-1 without momentum, lr 0.3', { momentum: 0, lr: 0.3 }],
    ['CD-3 with sampled visibles', { k: 3, sampleVisible: true }],
    ['CD-1 with weight decay, 3 steps unrolled', { weightDecay: 0.01, steps: 3 }],
    ['PCD-2, 2 steps unrolled', { k: 2, persistent: true, sampleVisible: true, steps: 2 }],
    ['Gaussian-Bernoulli CD-2 with sampled visibles', { visibleKind: 'gaussian', k: 2, sampleVisible: true }],
  ];
  cases.forEach(([name, over], i) => {
    it(`buildRbmGraph(${name}) updates weights, velocities and monitors as the loop does`, async () => {
      const spec = { ...tiny, ...over };
      const { out, p, pv, ch, recon, chain } = await compare(spec, 10 + i);
      expect(worstDiff(out.W0_out.data as Float32Array, p.W)).toBeLessThan(1e-5);
      expect(worstDiff(out.b0_out.data as Float32Array, p.b)).toBeLessThan(1e-5);
      expect(worstDiff(out.c0_out.data as Float32Array, p.c)).toBeLessThan(1e-5);
      expect(worstDiff(out['W0.v_out'].data as Float32Array, pv.W)).toBeLessThan(1e-5);
      expect(worstDiff(out.recon.data as Float32Array, recon)).toBeLessThan(1e-4);
      if (spec.persistent) {
        // the chain carries over: its new state is the loop's, and it moved away from where it began
        expect(worstDiff(out.chain_out.data as Float32Array, ch)).toBe(0);
        expect(worstDiff(out.chain_out.data as Float32Array, chain)).toBe(1);
      }
    });
  });
});

describe('RBM free energy and likelihood by enumeration (6 visible, 4 hidden)', () => {
  const { W, b, c } = setup(tiny, 3, 1);
  const p: RbmParams64 = { W: Float64Array.from(W), b: Float64Array.from(b), c: Float64Array.from(c) };
  const rows = Float32Array.from({ length: 64 * 6 }, (_, i) => (Math.floor(i / 6) >> i % 6) & 1);

  it('buildFreeEnergyGraph gives -log sum_h exp(-E(v,h)) for all 64 visible states', async () => {
    const s = await compile(buildFreeEnergyGraph({ visible: 6, hidden: 4, visibleKind: 'bernoulli' }), { threads: 1 });
    const out = await s.run({ v: float32(rows, [64, 6]), W0: float32(W, [4, 6]), b0: float32(b, [4]), c0: float32(c, [6]) });
    const ref = Array.from({ length: 64 }, (_, r) => rbmFreeEnergyByEnumeration(p, rows.subarray(r * 6, r * 6 + 6), 6, 4));
    expect(worstDiff(out.F.data as Float32Array, ref)).toBeLessThan(1e-5);
  });

  it('rbmExactLogLikelihood equals enumeration over every (v, h) and the probabilities sum to 1', () => {
    const data = rows.subarray(0, 10 * 6);
    expect(rbmExactLogLikelihood(W, b, c, data, 10)).toBeCloseTo(rbmLogLikelihoodByEnumeration(p, data, 10, 6, 4), 10);
    // mean log-likelihood over all 64 states, exponentiated and summed, is a probability distribution
    let total = 0;
    for (let r = 0; r < 64; r++) total += Math.exp(rbmExactLogLikelihood(W, b, c, rows.subarray(r * 6, r * 6 + 6), 1));
    expect(total).toBeCloseTo(1, 12);
  });

  it('buildFreeEnergyGraph for Gaussian visibles gives |v-c|^2/2 - sum softplus', async () => {
    const s = await compile(buildFreeEnergyGraph({ visible: 6, hidden: 4, visibleKind: 'gaussian' }), { threads: 1 });
    const v = RandomSource.fromSeed(9).fillNormal(new Float32Array(12));
    const out = await s.run({ v: float32(v, [2, 6]), W0: float32(W, [4, 6]), b0: float32(b, [4]), c0: float32(c, [6]) });
    for (let r = 0; r < 2; r++) {
      // integrate the hidden units out by enumeration: F = |v-c|^2/2 - log sum_h exp(b.h + h.Wv)
      let s2 = 0;
      for (let i = 0; i < 6; i++) s2 += (v[r * 6 + i] - c[i]) ** 2 / 2;
      const zero = { W: p.W, b: p.b, c: new Float64Array(6) };
      const ref = s2 + rbmFreeEnergyByEnumeration(zero, v.subarray(r * 6, r * 6 + 6), 6, 4);
      expect((out.F.data as Float32Array)[r]).toBeCloseTo(ref, 4);
    }
  });

  it('buildFreeEnergyGraph stays exact for hidden inputs of +-300 (stable softplus)', async () => {
    const s = await compile(buildFreeEnergyGraph({ visible: 6, hidden: 4, visibleKind: 'bernoulli' }), { threads: 1 });
    const Wbig = W.map((w) => w * 100);
    const bBig = Float32Array.from([300, -300, 150, -150]);
    const out = await s.run({ v: float32(rows, [64, 6]), W0: float32(Wbig, [4, 6]), b0: float32(bBig, [4]), c0: float32(c, [6]) });
    const F = out.F.data as Float32Array;
    for (let r = 0; r < 64; r++) {
      const ref = rbmFreeEnergy(Wbig, bBig, c, rows.subarray(r * 6, r * 6 + 6));
      expect(Math.abs(F[r] - ref)).toBeLessThan(1e-4 * Math.max(1, Math.abs(ref)));
    }
  });
});
