import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RandomSource, parseOptions, UserError } from '../../src/core/index.js';

describe('RandomSource', () => {
  it('next32() returns the raw words that float() is built from, two per float', () => {
    const a = RandomSource.fromSeed(11);
    const b = RandomSource.fromSeed(11);
    for (let i = 0; i < 100; i++) {
      const w1 = b.next32();
      const w2 = b.next32();
      expect(Number.isInteger(w1) && w1 >= -(2 ** 31) && w1 < 2 ** 31).toBe(true);
      expect(a.float()).toBe((w1 & 0x3ffffff) * 2 ** -26 + (w2 & 0x7ffffff) * 2 ** -53);
    }
  });

  it('fromSeed(s) gives the same numbers for the same seed and different ones for another', () => {
    const a = RandomSource.fromSeed(42);
    const b = RandomSource.fromSeed(42);
    const c = RandomSource.fromSeed(43);
    const xs = Array.from({ length: 20 }, () => a.float());
    expect(Array.from({ length: 20 }, () => b.float())).toEqual(xs);
    expect(Array.from({ length: 20 }, () => c.float())).not.toEqual(xs);
  });

  it('getState/fromState resumes the exact sequence, normals included', () => {
    const a = RandomSource.fromSeed(5);
    a.normal();
    const saved = JSON.parse(JSON.stringify(a.getState()));
    const next = [a.normal(), a.float(), a.int(1000)];
    const b = RandomSource.fromState(saved);
    expect([b.normal(), b.float(), b.int(1000)]).toEqual(next);
  });

  it('int(n) is uniform on [0, n): chi-square over 10 bins stays below the 0.999 quantile', () => {
    const r = RandomSource.fromSeed(1);
    const counts = new Array(10).fill(0);
    const N = 100_000;
    for (let i = 0; i < N; i++) counts[r.int(10)]++;
    const chi2 = counts.reduce((s, c) => s + (c - N / 10) ** 2 / (N / 10), 0);
    expect(chi2).toBeLessThan(27.88); // chi-square, 9 degrees of freedom, p = 0.999
  });

  it('normal() has mean 0 and variance 1 within 4 standard errors', () => {
    const r = RandomSource.fromSeed(2);
    const N = 200_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < N; i++) {
      const x = r.normal();
      s += x;
      s2 += x * x;
    }
    expect(Math.abs(s / N)).toBeLessThan(4 / Math.sqrt(N));
    expect(Math.abs(s2 / N - 1)).toBeLessThan(4 * Math.sqrt(2 / N));
  });

  it('permutation(n) contains each of 0..n-1 once', () => {
    const p = RandomSource.fromSeed(3).permutation(50);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('fork(k) streams are reproducible and differ from each other and from the parent', () => {
    const r = RandomSource.fromSeed(9);
    const f0 = r.fork(0).float();
    const f1 = r.fork(1).float();
    expect(RandomSource.fromSeed(9).fork(0).float()).toBe(f0);
    expect(f1).not.toBe(f0);
    expect(r.float()).not.toBe(f0);
  });

  it('fromSeed rejects a non-integer seed', () => {
    expect(() => RandomSource.fromSeed(1.5)).toThrow(/seed must be an integer/);
  });
});

describe('parseOptions', () => {
  const schema = z.strictObject({ epochs: z.number().int().positive(), lr: z.number().positive().default(0.1) });

  it('parseOptions fills defaults for valid input', () => {
    expect(parseOptions('train', schema, { epochs: 3 })).toEqual({ epochs: 3, lr: 0.1 });
  });

  it('parseOptions rejects an unknown key and names it', () => {
    expect(() => parseOptions('train', schema, { epochs: 3, learningRate: 1 })).toThrow(UserError);
    expect(() => parseOptions('train', schema, { epochs: 3, learningRate: 1 })).toThrow(/train: unknown key "learningRate"/);
  });

  it('parseOptions names the path of a bad value', () => {
    expect(() => parseOptions('train', schema, { epochs: -1 })).toThrow(/train: epochs: /);
  });
});
