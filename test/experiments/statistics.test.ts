import { describe, expect, it } from 'vitest';
import { bootstrapInterval, pearson, quantileSorted, ranks, spearman, spearmanWithInterval } from '../../src/experiments/statistics.js';
import { judge } from '../../src/experiments/verdict.js';
import { RandomSource } from '../../src/core/index.js';

describe('statistics', () => {
  it('ranks(xs) averages tied ranks', () => {
    expect(Array.from(ranks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
  });

  it('spearman equals 1 - 6 sum d^2 / (n (n^2 - 1)) without ties', () => {
    const x = [1, 2, 3, 4, 5, 6];
    const y = [2, 1, 4, 3, 6, 5];
    const d2 = x.reduce((s, _, i) => s + (x[i] - y[i]) ** 2, 0);
    expect(spearman(x, y)).toBeCloseTo(1 - (6 * d2) / (6 * 35), 12);
  });

  it('spearman is invariant under monotone transforms', () => {
    const x = [0.3, 1.2, 5, 7, 8.5];
    const y = [2, 3, 1, 9, 4];
    expect(spearman(x.map(Math.exp), y.map((v) => v ** 3))).toBeCloseTo(spearman(x, y), 12);
  });

  it('pearson of a constant is NaN', () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
  });

  it('quantileSorted interpolates like NumPy (type 7)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
  });

  it('bootstrapInterval of the mean of normal data covers the true mean and has width near 2*1.96/sqrt(n)', () => {
    const rng = RandomSource.fromSeed(11);
    const n = 400;
    const xs = Array.from({ length: n }, () => rng.normal());
    const ci = bootstrapInterval(n, (idx) => idx.reduce((s, i) => s + xs[i], 0) / n, { seed: 1 })!;
    expect(ci[0]).toBeLessThan(0.12);
    expect(ci[1]).toBeGreaterThan(-0.12);
    expect(ci[1] - ci[0]).toBeGreaterThan(0.15);
    expect(ci[1] - ci[0]).toBeLessThan(0.25);
  });

  it('bootstrapInterval is reproducible for a seed', () => {
    const xs = [1, 5, 2, 8, 3, 9, 4];
    const stat = (idx: Int32Array) => idx.reduce((s, i) => s + xs[i], 0);
    expect(bootstrapInterval(7, stat, { seed: 3 })).toEqual(bootstrapInterval(7, stat, { seed: 3 }));
  });
});

describe('judge', () => {
  it('judge gives supported for a perfect positive correlation', () => {
    const x = Array.from({ length: 30 }, (_, i) => i);
    const r = spearmanWithInterval(x, x.map((v) => 2 * v + 1), { seed: 1 });
    expect(r.rho).toBe(1);
    expect(judge(r.ci, r.n).verdict).toBe('supported');
  });

  it('judge gives not supported for a perfect negative correlation', () => {
    const x = Array.from({ length: 30 }, (_, i) => i);
    const r = spearmanWithInterval(x, x.map((v) => -v), { seed: 1 });
    expect(judge(r.ci, r.n).verdict).toBe('not supported');
  });

  it('judge never gives supported for pure noise on small samples, and says why', () => {
    const rng = RandomSource.fromSeed(4);
    for (let k = 0; k < 20; k++) {
      const x = Array.from({ length: 10 }, () => rng.normal());
      const y = Array.from({ length: 10 }, () => rng.normal());
      const r = spearmanWithInterval(x, y, { seed: k, resamples: 400 });
      const v = judge(r.ci, r.n);
      expect(v.verdict).not.toBe('supported');
      expect(v.reason).toMatch(/contains the minimum effect 0.2|lies below the (threshold|minimum effect)/);
    }
  });

  it('judge gives not supported for a tight interval around zero (an equivalence finding)', () => {
    expect(judge([-0.05, 0.08], 500).verdict).toBe('not supported');
  });

  it('judge of an interval inside the minimum effect is not supported (a positive but negligible effect)', () => {
    // the lower bound is above the threshold 0 but the whole interval lies below 0 + 0.2
    const v = judge([0.01, 0.05], 500);
    expect(v.verdict).toBe('not supported');
    expect(v.reason).toMatch(/below the minimum effect 0.2/);
    expect(judge([0.01, 0.05], 10, { threshold: 0, minimumEffect: 0.1, minimumN: 2 }).verdict).toBe('not supported');
  });

  it('judge needs the lower bound above threshold + minimum effect; an interval containing it is inconclusive', () => {
    expect(judge([0.21, 0.5], 50).verdict).toBe('supported');
    expect(judge([0.1, 0.5], 50).verdict).toBe('inconclusive');
    expect(judge([1.05, 1.3], 50, { threshold: 1, minimumEffect: 0.1, minimumN: 2 }).verdict).toBe('inconclusive');
    expect(judge([1.15, 1.3], 50, { threshold: 1, minimumEffect: 0.1, minimumN: 2 }).verdict).toBe('supported');
    expect(judge([-0.5, -0.3], 50).reason).toMatch(/goes the other way/);
  });

  it('judge gives inconclusive with the reason when there are too few observations', () => {
    expect(judge([0.5, 0.9], 3)).toEqual({ verdict: 'inconclusive', reason: 'only 3 observations (at least 8 needed)' });
  });
});
