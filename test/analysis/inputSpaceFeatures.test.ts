import { describe, expect, it } from 'vitest';
import { activationMaximum, encodeThrough, linearComposite, topActivatingMean } from '../../src/analysis/inputSpaceFeatures.js';
import type { EncoderLayer } from '../../src/nn/index.js';
import { RandomSource } from '../../src/core/index.js';

function layer(inputs: number, units: number, seed: number, activation: EncoderLayer['activation'] = 'sigmoid'): EncoderLayer {
  const r = RandomSource.fromSeed(seed);
  const W = r.fillNormal(new Float32Array(inputs * units), 0, 0.5);
  const b = r.fillNormal(new Float32Array(units), 0, 0.1);
  return { weights: { W, b, c: new Float32Array(inputs), shape: [units, inputs] }, activation };
}

describe('input-space features', () => {
  const stack = [layer(9, 5, 1), layer(5, 3, 2)];

  it('linearComposite of layer 2 equals W2 W1 computed by hand', async () => {
    const c = await linearComposite(stack, 2);
    for (let u = 0; u < 3; u++)
      for (let i = 0; i < 9; i++) {
        let s = 0;
        for (let k = 0; k < 5; k++) s += stack[1].weights.W[u * 5 + k] * stack[0].weights.W[k * 9 + i];
        expect(c[u * 9 + i]).toBeCloseTo(s, 5);
      }
  });

  it('linearComposite rejects a layer outside the stack and mismatched sizes', async () => {
    await expect(linearComposite(stack, 3)).rejects.toThrow(/layer 3 is outside a stack of 2/);
    await expect(linearComposite([layer(9, 5, 1), layer(4, 3, 2)], 2)).rejects.toThrow(/layer 2 takes 4 inputs but layer 1 has 5 units/);
  });

  it('activationMaximum increases the activation monotonically and respects the L2 bound', () => {
    const { input, trace } = activationMaximum(stack, 2, 1, { norm: 2, steps: 40, seed: 3 });
    for (let i = 1; i < trace.length; i++) expect(trace[i]).toBeGreaterThanOrEqual(trace[i - 1] - 1e-12);
    expect(trace[trace.length - 1]).toBeGreaterThan(trace[0]);
    const norm = Math.sqrt(input.reduce((s, v) => s + v * v, 0));
    expect(norm).toBeLessThanOrEqual(2 + 1e-5);
  });

  it('activationMaximum beats every one of 200 random inputs on the same sphere', async () => {
    const { input } = activationMaximum(stack, 2, 0, { norm: 2, steps: 60, seed: 4 });
    const best = (await encodeThrough(stack, 2, input, 1))[1][0];
    const r = RandomSource.fromSeed(9);
    const xs = new Float32Array(200 * 9);
    for (let i = 0; i < 200; i++) {
      const v = r.fillNormal(new Float32Array(9));
      const s = 2 / Math.sqrt(v.reduce((a, b) => a + b * b, 0));
      xs.set(v.map((t) => t * s), i * 9);
    }
    const acts = (await encodeThrough(stack, 2, xs, 200))[1];
    for (let i = 0; i < 200; i++) expect(acts[i * 3]).toBeLessThanOrEqual(best + 1e-6);
  });

  it('topActivatingMean with k=1 returns the single most activating input', async () => {
    const data = RandomSource.fromSeed(5).fillNormal(new Float32Array(30 * 9));
    const acts = (await encodeThrough(stack, 1, data, 30))[0];
    const m = await topActivatingMean(stack, 1, data, 30, 1);
    let arg = 0;
    for (let i = 1; i < 30; i++) if (acts[i * 5 + 2] > acts[arg * 5 + 2]) arg = i;
    expect(Array.from(m.subarray(2 * 9, 3 * 9))).toEqual(Array.from(data.subarray(arg * 9, arg * 9 + 9)));
  });
});
