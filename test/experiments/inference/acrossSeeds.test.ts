import { describe, expect, it } from 'vitest';
import { inferAcrossSeeds, judgeAcrossSeeds, seedDifferences, seedRule } from '../../../src/experiments/inference/index.js';

const seeds = (values: (number | null)[]) => values.map((value, seed) => ({ seed, value }));

describe('inferAcrossSeeds', () => {
  it('reports the mean, the t interval, n, the sign-flip p-value and the method', () => {
    const r = inferAcrossSeeds(seeds([1, 2, 3, 4, 5]), { nullValue: 0 });
    expect(r.estimate).toBe(3);
    expect(r.n).toBe(5);
    expect(r.ci![0]).toBeCloseTo(3 - 2.776445105 * Math.sqrt(0.5), 6);
    expect(r.pValue).toBe(1 / 32);
    expect(r.method).toMatch(/Student t 95% interval \(4 df\) of the mean of 5 per-seed statistics; exact one-sided sign-flip test \(32 sign patterns\) of mean <= 0/);
  });

  it('leaves undefined seeds out and names them', () => {
    const r = inferAcrossSeeds(seeds([1, null, 3]));
    expect(r.n).toBe(2);
    expect(r.undefinedSeeds).toEqual([1]);
  });

  it('seedDifferences subtracts the control of the same seed and refuses mismatched seeds', () => {
    const d = seedDifferences(
      [
        { seed: 7, value: 0.5 },
        { seed: 8, value: 0.4 },
      ],
      [
        { seed: 8, value: 0.1 },
        { seed: 7, value: 0.2 },
      ],
    );
    expect(d.map((x) => x.seed)).toEqual([7, 8]);
    expect(d[0].value).toBeCloseTo(0.3, 12);
    expect(d[1].value).toBeCloseTo(0.3, 12);
    expect(() => seedDifferences([{ seed: 1, value: 0 }], [{ seed: 2, value: 0 }])).toThrow(/differ/);
  });
});

describe('judgeAcrossSeeds', () => {
  const rule = seedRule(0.1);

  it('supported when 10 seeds lie well above the minimum effect', () => {
    const v = judgeAcrossSeeds(seeds([0.5, 0.6, 0.55, 0.45, 0.7, 0.52, 0.48, 0.61, 0.58, 0.5]), rule);
    expect(v.verdict).toBe('supported');
    expect(v.inference.pValue).toBe(1 / 1024);
  });

  it('not supported when the effect is real but below the minimum effect', () => {
    const v = judgeAcrossSeeds(seeds([0.03, 0.04, 0.05, 0.02, 0.04, 0.03, 0.05, 0.04]), rule);
    expect(v.verdict).toBe('not supported');
    expect(v.reason).toMatch(/below the minimum effect 0.1/);
  });

  it('inconclusive with 5 seeds however large the effect: the exact test cannot reach 0.025', () => {
    const v = judgeAcrossSeeds(seeds([0.9, 0.91, 0.92, 0.93, 0.94]), rule);
    expect(v.verdict).toBe('inconclusive');
    expect(v.reason).toBe('only 5 seeds (at least 6 needed)');
    const loose = judgeAcrossSeeds(seeds([0.9, 0.91, 0.92, 0.93, 0.94]), { ...rule, minimumN: 2 });
    expect(loose.verdict).toBe('inconclusive');
    expect(loose.reason).toMatch(/sign-flip test of mean <= 0.1 gives p = 0.0313 > 0.025/);
  });

  it('inconclusive when a seed has no statistic', () => {
    const v = judgeAcrossSeeds(seeds([0.5, 0.6, null, 0.5, 0.6, 0.5, 0.6]), rule);
    expect(v.verdict).toBe('inconclusive');
    expect(v.reason).toMatch(/undefined on seed\(s\) 2/);
  });

  it('inconclusive when the interval contains the minimum effect', () => {
    const v = judgeAcrossSeeds(seeds([0.5, -0.3, 0.4, -0.2, 0.6, 0.0, 0.1, -0.1]), rule);
    expect(v.verdict).toBe('inconclusive');
    expect(v.reason).toMatch(/contains the minimum effect 0.1/);
  });
});
