import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/core/index.js';
import { fillUniformPairs } from '../../src/nn/uniforms.js';

describe('fillUniformPairs', () => {
  it('fillUniformPairs(rng, out) splits each 53-bit draw into its top 26 and low 27 bits', () => {
    const a = fillUniformPairs(RandomSource.fromSeed(4), new Float32Array(5));
    const r = RandomSource.fromSeed(4);
    for (let i = 0; i < 5; i += 2) {
      const k = Math.round(r.float() * 2 ** 53);
      expect(a[i]).toBe(Math.fround(Math.floor(k / 2 ** 27) / 2 ** 26));
      if (i + 1 < 5) expect(a[i + 1]).toBe(Math.fround((k % 2 ** 27) / 2 ** 27));
    }
  });

  it('fillUniformPairs gives uniform, uncorrelated halves (mean, variance, lag-1 correlation within 5 standard errors)', () => {
    const n = 200_000;
    const u = fillUniformPairs(RandomSource.fromSeed(9), new Float32Array(n));
    let m = 0;
    for (const v of u) m += v / n;
    let v2 = 0;
    let c = 0;
    for (let i = 0; i < n; i++) v2 += (u[i] - m) ** 2 / n;
    for (let i = 0; i + 1 < n; i += 2) c += ((u[i] - 0.5) * (u[i + 1] - 0.5)) / (n / 2);
    expect(Math.abs(m - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(v2 - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / n));
    expect(Math.abs(c)).toBeLessThan(5 * (1 / 12) / Math.sqrt(n / 2));
    expect(Math.min(...u.subarray(0, 1000))).toBeGreaterThanOrEqual(0);
  });
});
