import { describe, expect, it } from 'vitest';
import { tQuantile, tInterval } from '../../../src/experiments/inference/index.js';

describe('Student t', () => {
  it('tQuantile matches printed tables (0.975 quantiles)', () => {
    // df 1, 4, 9, 29 and a large df approaching the normal 1.959964
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.7764, 4);
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.2622, 4);
    expect(tQuantile(0.975, 29)).toBeCloseTo(2.0452, 4);
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.95996, 4);
    expect(tQuantile(0.025, 4)).toBeCloseTo(-2.7764, 4);
  });

  it('tInterval of 1..5 is 3 +- 2.7764 * sqrt(2.5/5)', () => {
    const r = tInterval([1, 2, 3, 4, 5])!;
    const half = 2.776445105 * Math.sqrt(2.5 / 5);
    expect(r.mean).toBe(3);
    expect(r.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(r.df).toBe(4);
    expect(r.ci[0]).toBeCloseTo(3 - half, 6);
    expect(r.ci[1]).toBeCloseTo(3 + half, 6);
  });

  it('tInterval is null for one value or a non-finite value', () => {
    expect(tInterval([1])).toBeNull();
    expect(tInterval([1, NaN, 2])).toBeNull();
  });
});
