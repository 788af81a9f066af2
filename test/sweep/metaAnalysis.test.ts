import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/core/random.js';
import { judge } from '../../src/experiments/verdict.js';
import { cellEstimateFromSeeds, pauleMandel, randomEffects } from '../../src/sweep/metaAnalysis.js';

/**
 * BCG vaccine trials (Colditz et al. 1994, JAMA 271:698-702; metafor's dat.bcg): TB cases and
 * non-cases, vaccinated then control. Log risk ratios with their sampling variances.
 */
const BCG = [
  [4, 119, 11, 128], [6, 300, 29, 274], [3, 228, 11, 209], [62, 13536, 248, 12619], [33, 5036, 47, 5761], [180, 1361, 372, 1079], [8, 2537, 10, 619],
  [505, 87886, 499, 87892], [29, 7470, 45, 7232], [17, 1699, 65, 1600], [186, 50448, 141, 27197], [5, 2493, 3, 2338], [27, 16886, 29, 17825],
].map(([a, b, c, d]) => ({ y: Math.log(a / (a + b) / (c / (c + d))), v: 1 / a - 1 / (a + b) + 1 / c - 1 / (c + d) }));

describe('random-effects meta-analysis', () => {
  it('randomEffects(cells) gives the DerSimonian-Laird tau2, Q and I2 of the BCG trials (metafor rma method DL: tau2 0.3088, Q 152.23, I2 92.1%)', () => {
    const r = randomEffects(BCG);
    expect(r.k).toBe(13);
    expect(r.tau2DL).toBeCloseTo(0.3088, 3);
    expect(r.Q).toBeCloseTo(152.233, 2);
    expect(r.I2).toBeCloseTo((152.233 - 12) / 152.233, 3);
    // Paule-Mandel tau2 solves the generalised Q = k - 1; mu is the weighted mean with weights 1/(v + tau2)
    const pm = r.tau2;
    const wp = BCG.map((c) => 1 / (c.v + pm));
    const mup = BCG.reduce((a, c, i) => a + wp[i] * c.y, 0) / wp.reduce((a, b) => a + b, 0);
    expect(BCG.reduce((a, c, i) => a + wp[i] * (c.y - mup) ** 2, 0)).toBeCloseTo(12, 8);
    expect(r.mu).toBeCloseTo(mup, 12);
    expect(r.tau2).toBeGreaterThan(0.2);
    expect(r.mu).toBeCloseTo(-0.71, 1);
    // Hartung-Knapp: t with 12 df on the weighted residual variance, never narrower than the z interval's variance
    const w = BCG.map((c) => 1 / (c.v + r.tau2));
    const sw = w.reduce((a, b) => a + b, 0);
    const q = BCG.reduce((a, c, i) => a + w[i] * (c.y - r.mu) ** 2, 0) / 12;
    expect(r.se).toBeCloseTo(Math.sqrt(Math.max(1, q) / sw), 12);
    expect(r.ci[1] - r.mu).toBeCloseTo(2.178813 * r.se, 5);
  });

  it('randomEffects(cells) of cells that agree within their noise has tau2 = 0, I2 = 0 and the fixed-effect mean', () => {
    const cells = [{ y: 1, v: 1 }, { y: 1.5, v: 1 }, { y: 0.5, v: 1 }];
    const r = randomEffects(cells);
    expect(r.tau2).toBe(0);
    expect(r.I2).toBe(0);
    expect(r.mu).toBeCloseTo(1, 12);
    expect(r.se).toBeCloseTo(Math.sqrt(1 / 3), 12);
    expect(() => randomEffects([{ y: 1, v: 1 }])).toThrow(/at least 2 cells/);
    expect(() => randomEffects([{ y: 1, v: 0 }, { y: 1, v: 1 }])).toThrow(/positive variance/);
  });

  it('pauleMandel(cells) does not let cells with tiny variances take the pooled estimate: two populations 0 and 0.2 pool near 0.1', () => {
    const cells = [{ y: 0, v: 1e-8 }, { y: 0.001, v: 1e-8 }, { y: 0.2, v: 1e-4 }, { y: 0.21, v: 1e-4 }];
    const r = randomEffects(cells);
    expect(r.tau2DL).toBeLessThan(1e-3);
    expect(r.tau2).toBeGreaterThan(5e-3);
    expect(r.mu).toBeGreaterThan(0.07);
    expect(r.mu).toBeLessThan(0.14);
    expect(pauleMandel([{ y: 1, v: 1 }, { y: 1.1, v: 1 }])).toBe(0);
  });

  it('cellEstimateFromSeeds(values) is the mean with variance s^2/m, and null with fewer than 3 seeds or without spread', () => {
    expect(cellEstimateFromSeeds([1, 2, 3, 4])).toEqual({ y: 2.5, v: (5 / 3) / 4 });
    expect(cellEstimateFromSeeds([1, 2])).toBeNull(); // 2 seeds: too few to weight by (MIN_SEEDS_PER_CELL)
    expect(cellEstimateFromSeeds([2, 2, 2])).toBeNull();
  });

  /** Pooled verdicts over simulated sweeps: `cells` cells of `seeds` seeds, per-seed sd 0.3, between-cell sd `tauTrue`. */
  function supportedRate(effect: number, cells: number, seeds: number, tauTrue: number, replicates: number, seed: number): number {
    const rng = RandomSource.fromSeed(seed);
    let supported = 0;
    for (let r = 0; r < replicates; r++) {
      const estimates = [];
      for (let c = 0; c < cells; c++) {
        const cellMean = effect + tauTrue * rng.normal();
        estimates.push(cellEstimateFromSeeds(Array.from({ length: seeds }, () => cellMean + 0.3 * rng.normal()))!);
      }
      if (judge(randomEffects(estimates).ci, cells, { threshold: 0, minimumEffect: 0, minimumN: 2 }).verdict === 'supported') supported++;
    }
    return supported / replicates;
  }

  it('the pooled verdict with no effect comes out supported at most 5% of the time, with and without heterogeneity (500 simulated sweeps each)', () => {
    for (const [cells, seeds, tau] of [[8, 3, 0], [8, 3, 0.3], [4, 10, 0.3], [12, 5, 0.1]]) {
      const rate = supportedRate(0, cells, seeds, tau, 500, 17 + cells * 100 + seeds);
      expect(rate, `${cells} cells, ${seeds} seeds, tau ${tau}`).toBeLessThanOrEqual(0.05);
    }
  });

  it('the pooled verdict finds a true effect of 0.3 over 8 cells of 5 seeds (per-seed sd 0.3, between-cell sd 0.1) in at least 90% of simulated sweeps', () => {
    expect(supportedRate(0.3, 8, 5, 0.1, 300, 99)).toBeGreaterThanOrEqual(0.9);
  });
});
