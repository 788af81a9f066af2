import { describe, expect, it } from 'vitest';
import { centeredScatter } from '../../../src/core/linalg/centeredScatter.js';
import { dataCovariance } from '../../../src/experiments/confoundTable.js';

describe('centeredScatter', () => {
  it('gives the means and the centred scatter of a small matrix in closed form, and is computed once per rows array', () => {
    // rows (1, 2), (3, 2), (5, 8): means (3, 4); centred (-2, -2), (0, -2), (2, 4)
    const x = Float32Array.of(1, 2, 3, 2, 5, 8);
    const s = centeredScatter(x, 3, 2);
    expect(Array.from(s.mean)).toEqual([3, 4]);
    // S = [[4 + 0 + 4, 4 + 0 + 8], [., 4 + 4 + 16]]; the lower triangle stays 0
    expect(Array.from(s.upper)).toEqual([8, 12, 0, 24]);
    expect(centeredScatter(x, 3, 2)).toBe(s);
    // another shape of the same array is another entry: the first two rows only
    expect(Array.from(centeredScatter(x, 2, 2).upper)).toEqual([2, 0, 0, 0]);
    // the covariance C2 uses is the same scatter over count - 1
    expect(Array.from(dataCovariance(x, 3, 2))).toEqual([4, 6, 6, 12]);
  });
});
