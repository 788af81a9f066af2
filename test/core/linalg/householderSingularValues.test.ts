import { describe, expect, it } from 'vitest';
import { InputRangeError, RandomSource, householderSingularValues, svdSquare } from '../../../src/core/index.js';
import { knownSpectrum } from './knownSpectrum.js';

const EPS = Number.EPSILON;

describe('householderSingularValues', () => {
  it('householderSingularValues(Q diag(lambda) Q^T) is |lambda| sorted descending, to n eps s_max', () => {
    const lambda = [5, -3, 2.5, 0, 1e-3, -1, 7, 0.25];
    const d = lambda.length;
    const s = householderSingularValues(knownSpectrum(d, lambda, RandomSource.fromSeed(3)), d, d);
    const want = lambda.map(Math.abs).sort((a, b) => b - a);
    for (let i = 0; i < d; i++) expect(Math.abs(s[i] - want[i])).toBeLessThan(10 * d * EPS * 7);
  });

  it('householderSingularValues of a tall and of a wide matrix equals that of the square block they pad with zeros', () => {
    const n = 6;
    const lambda = [4, 3, -2, 1, 0.5, 0];
    const b = knownSpectrum(n, lambda, RandomSource.fromSeed(4));
    const m = 9;
    const tall = new Float64Array(m * n);
    tall.set(b, 2 * n); // zero rows 0, 1 and 8
    const wide = new Float64Array(n * m);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) wide[j * m + i] = tall[i * n + j];
    const want = lambda.map(Math.abs).sort((x, y) => y - x);
    for (const s of [householderSingularValues(tall, m, n), householderSingularValues(wide, n, m)]) {
      expect(s.length).toBe(n);
      for (let i = 0; i < n; i++) expect(Math.abs(s[i] - want[i])).toBeLessThan(1e-13);
    }
  });

  it('householderSingularValues agrees with the full SVD on random and on rank-5 matrices (n = 40)', () => {
    const n = 40;
    const rng = RandomSource.fromSeed(5);
    const random = rng.fillNormal(new Float64Array(n * n));
    const l = rng.fillNormal(new Float64Array(n * 5));
    const r = rng.fillNormal(new Float64Array(5 * n));
    const low = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < 5; k++) low[i * n + j] += l[i * 5 + k] * r[k * n + j];
    for (const a of [random, low]) {
      const s = householderSingularValues(a, n, n);
      const ref = svdSquare(a, n).s;
      for (let i = 0; i < n; i++) expect(Math.abs(s[i] - ref[i])).toBeLessThan(100 * n * EPS * ref[0]);
    }
    // rank 5: the other 35 singular values are rounding noise
    const s = householderSingularValues(low, n, n);
    expect(s[4]).toBeGreaterThan(1);
    expect(s[5]).toBeLessThan(100 * n * EPS * s[0]);
  });

  it('householderSingularValues of the zero matrix is zeros and rejects a wrong size', () => {
    expect(Array.from(householderSingularValues(new Float64Array(9), 3, 3))).toEqual([0, 0, 0]);
    expect(() => householderSingularValues([1, 2, 3], 2, 2)).toThrow(InputRangeError);
  });
});
