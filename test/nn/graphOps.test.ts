import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/core/index.js';
import { GraphBuilder, compile, float32 } from '../../src/engine/index.js';
import { bceSum, largestDivisor, minibatchFeeds, minibatchInputs, stepInputs, stepSlices } from '../../src/nn/graphOps.js';

/** float64 sum of softplus(z) - x z, with softplus(z) = max(z, 0) + log1p(exp(-|z|)). */
function bceReference(z: Float32Array, x: Float32Array): number {
  let s = 0;
  for (let i = 0; i < z.length; i++) s += Math.max(z[i], 0) + Math.log1p(Math.exp(-Math.abs(z[i]))) - x[i] * z[i];
  return s;
}

async function bceGraph(z: Float32Array, x: Float32Array, group: number): Promise<number> {
  const g = new GraphBuilder('bce_sum_test');
  const zi = g.input('z', 'float32', [z.length]);
  const xi = g.input('x', 'float32', [x.length]);
  g.output(bceSum(g, zi, g.op('Sigmoid', [zi]), xi, group), 'loss', 'float32', []);
  const s = await compile(g.build(), { threads: 1 });
  const out = await s.run({ z: float32(z, [z.length]), x: float32(x, [x.length]) });
  return (out.loss.data as Float32Array)[0];
}

describe('bceSum', () => {
  it('bceSum equals the float64 binary cross-entropy for logits from -60 to 60, grouped or not', async () => {
    const rng = RandomSource.fromSeed(3);
    const n = 64 * 49;
    const z = rng.fillUniform(new Float32Array(n), -60, 60);
    // saturated units, exact zeros and mid-range logits among them
    z.set([0, 17, -17, 40, -40, 88, -88, 1e-4, -1e-4], 0);
    const x = Float32Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : i % 3 === 1 ? 1 : rng.float()));
    const want = bceReference(z, x);
    for (const group of [1, 49, 64]) expect(Math.abs((await bceGraph(z, x, group)) - want) / want).toBeLessThan(2e-6);
  });

  it('bceSum is accurate where the loss is small: confident and correct outputs', async () => {
    // every unit right with |z| between 5 and 30: per-element loss between 1e-13 and 7e-3
    const rng = RandomSource.fromSeed(4);
    const n = 4096;
    const x = Float32Array.from({ length: n }, (_, i) => i % 2);
    const z = Float32Array.from(x, (t) => (t ? 1 : -1) * (5 + 25 * rng.float()));
    const want = bceReference(z, x);
    expect(Math.abs((await bceGraph(z, x, 64)) - want) / want).toBeLessThan(1e-4);
  });

  it('largestDivisor picks the largest divisor not above the bound', () => {
    expect(largestDivisor(64 * 784, 64)).toBe(64);
    expect(largestDivisor(784, 64)).toBe(56);
    expect(largestDivisor(97, 64)).toBe(1);
    expect(largestDivisor(12, 64)).toBe(12);
  });
});

describe('stepInputs and stepSlices', () => {
  it('stepSlices hands each step its own slice of a stacked array, without copying', async () => {
    const g = new GraphBuilder('step_inputs_test');
    const xs = stepInputs(g, 'x', 3, [2, 2]);
    g.output(g.op('Concat', xs, { axis: 0 }), 'all', 'float32', [6, 2]);
    const stacked = Float32Array.from({ length: 12 }, (_, i) => i);
    const feeds = stepSlices('x', stacked, 3, [2, 2]);
    expect(Object.keys(feeds)).toEqual(['x@0', 'x@1', 'x@2']);
    expect((feeds['x@1'].data as Float32Array).buffer).toBe(stacked.buffer);
    const out = await (await compile(g.build(), { threads: 1 })).run(feeds);
    expect(Array.from(out.all.data as Float32Array)).toEqual(Array.from(stacked));
  });
});

describe('minibatchInputs and minibatchFeeds', () => {
  it('minibatchInputs gathers the rows that minibatchFeeds names, step by step', async () => {
    const g = new GraphBuilder('minibatch_test');
    const batches = minibatchInputs(g, 'x', 2, 3, 4);
    batches.forEach((b, k) => g.output(b, `b${k}`, 'float32', [3, 4]));
    const data = Float32Array.from({ length: 10 * 4 }, (_, i) => i);
    const order = Int32Array.from([9, 0, 4, 7, 2, 2, 5, 1]);
    const out = await (await compile(g.build(), { threads: 1 })).run(minibatchFeeds('x', data, 4, order, 1, 2, 3));
    const rowsOf = (rs: number[]) => rs.flatMap((r) => [4 * r, 4 * r + 1, 4 * r + 2, 4 * r + 3]);
    expect(Array.from(out.b0.data as Float32Array)).toEqual(rowsOf([0, 4, 7]));
    expect(Array.from(out.b1.data as Float32Array)).toEqual(rowsOf([2, 2, 5]));
  });
});
