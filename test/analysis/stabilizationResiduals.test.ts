import { describe, expect, it } from 'vitest';
import { UserError, quantileSummary } from '../../src/core/index.js';
import { residualBaseline, stabilizationResiduals } from '../../src/analysis/index.js';

// residuals by hand: [1,0]->[1,0]: 0; [0,2]->[0,3]: 1/2; [3,4]->[3.6,4.8]: 1/5; [1,1]->[2,2]: 1; [0,0]: undefined
const inputs = Float32Array.from([1, 0, 0, 2, 3, 4, 1, 1, 0, 0]);
const outputs = Float32Array.from([1, 0, 0, 3, 3.6, 4.8, 2, 2, 5, 5]);
const data = { inputs, outputs, count: 5, dim: 2 };

describe('stabilisation residuals', () => {
  it('stabilizationResiduals(data) gives ||A(x) - x|| / ||x|| per input and NaN for a zero input', () => {
    const { residuals } = stabilizationResiduals(data);
    expect(residuals[0]).toBe(0);
    expect(residuals[1]).toBe(0.5);
    expect(residuals[2]).toBeCloseTo(0.2, 6);
    expect(residuals[3]).toBe(1);
    expect(residuals[4]).toBeNaN();
  });

  it('stabilizationResiduals(data).summary has the type-7 quantiles worked out by hand', () => {
    // sorted 0, 0.2, 0.5, 1: quantile q at h = 3q
    const s = stabilizationResiduals(data).summary;
    expect(s.count).toBe(4);
    expect(s.excluded).toBe(1);
    expect(s.mean).toBeCloseTo(0.425, 6);
    expect(s.min).toBe(0);
    expect(s.max).toBe(1);
    expect(s.p05).toBeCloseTo(0.03, 6); // h = 0.15
    expect(s.q25).toBeCloseTo(0.15, 6); // h = 0.75
    expect(s.median).toBeCloseTo(0.35, 6); // h = 1.5
    expect(s.q75).toBeCloseTo(0.625, 6); // h = 2.25
    expect(s.p95).toBeCloseTo(0.925, 6); // h = 2.85
  });

  it('quantileSummary(values) of one value puts every quantile on it', () => {
    const s = quantileSummary([3]);
    expect([s.min, s.p05, s.q25, s.median, s.q75, s.p95, s.max, s.mean]).toEqual([3, 3, 3, 3, 3, 3, 3, 3]);
  });

  it('residualBaseline(trained, untrained) summarises both the same way, with the ratio of medians', () => {
    // the untrained net outputs zeros: every residual is exactly 1
    const untrained = { ...data, outputs: new Float32Array(10) };
    const b = residualBaseline(data, untrained);
    expect(b.untrained.summary.median).toBe(1);
    expect(b.untrained.summary.q25).toBe(1);
    expect(b.trained.summary.median).toBeCloseTo(0.35, 6);
    expect(b.medianRatio).toBeCloseTo(0.35, 6);
    expect(b.fractionImproved).toBe(3 / 4); // 0, 0.5, 0.2 beat 1; 1 does not
  });

  it('residualBaseline(trained, untrained) rejects outputs computed on different inputs', () => {
    const other = { ...data, inputs: Float32Array.from(inputs).fill(7, 0, 1) };
    expect(() => residualBaseline(data, other)).toThrow(/inputs differ at index 0/);
    expect(() => stabilizationResiduals({ ...data, inputs: new Float32Array(10) })).toThrow(UserError);
  });
});
