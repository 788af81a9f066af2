import { describe, expect, it } from 'vitest';
import { maxAbs, median, quantileSummary } from '../../../src/core/index.js';

describe('median', () => {
  it('is the middle value of an odd count and the mean of the two middle values of an even count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([7])).toBe(7);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, -10])).toBe(0);
    expect(median(Float32Array.from([0.5, 2, 1.5, 1, 3, 2.5]))).toBe(1.75);
  });

  it('is NaN for no values and leaves its input unsorted', () => {
    expect(median([])).toBeNaN();
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  it('equals quantileSummary median on the same finite values (one rule for both)', () => {
    const xs = [0.3, 9, -2, 4.5, 4.5, 1e-3, 7, 8];
    expect(median(xs)).toBe(quantileSummary(xs).median);
    expect(median(xs.slice(1))).toBe(quantileSummary(xs.slice(1)).median);
  });
});

describe('maxAbs', () => {
  it('is the largest absolute value, 0 for no values', () => {
    expect(maxAbs([-3, 2, 1])).toBe(3);
    expect(maxAbs(Float32Array.from([0.5, -0.25]))).toBe(0.5);
    expect(maxAbs([])).toBe(0);
  });
});
