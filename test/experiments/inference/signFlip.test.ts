import { describe, expect, it } from 'vitest';
import { signFlipTest } from '../../../src/experiments/inference/index.js';

describe('signFlipTest', () => {
  it('counts the sign patterns by hand: [1, 2, -0.5] has 2 of 8 sums >= 2.5', () => {
    // sums of +-1 +-2 +-0.5: 3.5 2.5 1.5 0.5 -0.5 -1.5 -2.5 -3.5
    const r = signFlipTest([1, 2, -0.5]);
    expect(r).toEqual({ pValue: 2 / 8, patterns: 8, exact: true, alternative: 'greater' });
    expect(signFlipTest([1, 2, -0.5], 0, { alternative: 'two-sided' }).pValue).toBe(4 / 8);
  });

  it('n positive values give exactly 2^-n, so 5 seeds cannot reach 0.025 and 6 can', () => {
    expect(signFlipTest([0.1, 0.2, 0.3, 0.4, 0.5]).pValue).toBe(1 / 32);
    expect(signFlipTest([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]).pValue).toBe(1 / 64);
  });

  it('tests against the null value, not against 0', () => {
    // every value above 0 but all below 0.5: against 0.5 nothing is extreme but the all-minus pattern
    expect(signFlipTest([0.1, 0.2, 0.3], 0.5).pValue).toBe(1);
    expect(signFlipTest([0.6, 0.7, 0.8], 0.5).pValue).toBe(1 / 8);
  });

  it('Monte Carlo above maxExact agrees with the exact count', () => {
    const xs = [0.3, -0.1, 0.5, 0.2, -0.4, 0.6, 0.1, 0.05, -0.2, 0.35, 0.15, -0.05];
    const exact = signFlipTest(xs);
    const mc = signFlipTest(xs, 0, { maxExact: 4, resamples: 40000, seed: 3 });
    expect(exact.exact).toBe(true);
    expect(mc.exact).toBe(false);
    // binomial sd of the estimate is below 0.0025
    expect(Math.abs(mc.pValue - exact.pValue)).toBeLessThan(0.01);
  });
});
