import { describe, expect, it } from 'vitest';
import { centeredScatter } from '../../../src/core/linalg/centeredScatter.js';
import { dataCovariance } from '../../../src/experiments/confoundTable.js';
import { RandomSource } from '../../../src/core/random.js';

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

/** The plain row-by-row double loop centeredScatter replaced: the bits its blocked sums must reproduce. */
function scatterByRows(rows: Float32Array, count: number, d: number): { mean: Float64Array; upper: Float64Array } {
  const mean = new Float64Array(d);
  for (let i = 0; i < count; i++) for (let p = 0; p < d; p++) mean[p] += rows[i * d + p];
  for (let p = 0; p < d; p++) mean[p] /= count;
  const upper = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < count; i++) {
    for (let p = 0; p < d; p++) row[p] = rows[i * d + p] - mean[p];
    for (let p = 0; p < d; p++) for (let q = p; q < d; q++) upper[p * d + q] += row[p] * row[q];
  }
  return { mean, upper };
}

describe('centeredScatter against the row-by-row loop', () => {
  it.each([
    [1, 1],
    [3, 5],
    [257, 7],
    [600, 30],
    [513, 33],
  ])('centeredScatter(rows, %i, %i) equals the plain loop bit for bit, with constant and sparse columns', (count, d) => {
    const rng = RandomSource.fromSeed(count * 100 + d);
    const rows = new Float32Array(count * d);
    for (let i = 0; i < count; i++)
      for (let p = 0; p < d; p++) {
        // column 0 constant zero, column 2 constant non-zero, the rest sparse (MNIST-like) or dense
        const u = rng.float();
        rows[i * d + p] = p === 0 ? 0 : p === 2 ? 0.1 : p % 3 === 1 ? (u < 0.7 ? 0 : u) : rng.normal() * 3 + 1;
      }
    const s = centeredScatter(rows, count, d);
    const ref = scatterByRows(rows, count, d);
    expect(Array.from(s.mean)).toEqual(Array.from(ref.mean));
    // bit for bit (toEqual tells +0 from -0 too)
    expect(Array.from(s.upper)).toEqual(Array.from(ref.upper));
  });

  it('centeredScatter(rows with a NaN, ...) throws an InputRangeError naming the column', () => {
    expect(() => centeredScatter(Float32Array.of(1, 2, NaN, 4), 2, 2)).toThrow(/column 0/);
  });
});
