import { describe, expect, it } from 'vitest';
import { pcaBaseline } from '../../src/experiments/claims/index.js';
import { centeredScatter, symmetricEigenQl } from '../../src/core/index.js';
import { RandomSource } from '../../src/core/random.js';

/** mu + U U^T (x - mu) by the plain loops (one sum at a time), from the same eigenvectors. */
function plainReconstruct(train: Float32Array, count: number, d: number, k: number, x: Float32Array, n: number): Float32Array {
  const { mean: mu, upper } = centeredScatter(train, count, d);
  const cov = new Float64Array(d * d);
  for (let p = 0; p < d; p++) for (let q = p; q < d; q++) cov[q * d + p] = cov[p * d + q] = upper[p * d + q] / count;
  const { vectors } = symmetricEigenQl(cov, d);
  const out = new Float32Array(n * d);
  const z = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let p = 0; p < d; p++) s += vectors[p * d + c] * (x[i * d + p] - mu[p]);
      z[c] = s;
    }
    for (let p = 0; p < d; p++) {
      let s = mu[p];
      for (let c = 0; c < k; c++) s += vectors[p * d + c] * z[c];
      out[i * d + p] = s;
    }
  }
  return out;
}

describe('pcaBaseline', () => {
  it('pcaBaseline(train, 60, 11, k).reconstruct(x) equals the plain loops bit for bit (k = 1, 5, 11: remainders of the 4-wide sums)', async () => {
    const rng = RandomSource.fromSeed(3);
    const d = 11;
    const train = rng.fillNormal(new Float32Array(60 * d));
    const x = rng.fillNormal(new Float32Array(7 * d));
    for (const k of [1, 5, 11]) {
      const got = await pcaBaseline(train, 60, d, k).reconstruct(x, 7);
      expect(Array.from(got)).toEqual(Array.from(plainReconstruct(train, 60, d, k, x, 7)));
    }
  });

  it('pcaBaseline(train, ...) with k = the data rank reconstructs rows of the same affine plane, and k = d is the identity', async () => {
    const rng = RandomSource.fromSeed(5);
    const d = 9;
    // rows mu + a b1 + c b2: rank 2 about the mean
    const plane = (n: number) => {
      const x = new Float32Array(n * d);
      for (let i = 0; i < n; i++) {
        const a = rng.normal();
        const c = rng.normal();
        for (let p = 0; p < d; p++) x[i * d + p] = 0.5 + a * Math.sin(p) + c * (p % 3 === 0 ? 1 : -0.5);
      }
      return x;
    };
    const train = plane(50);
    const x = plane(6);
    const got = await pcaBaseline(train, 50, d, 2).reconstruct(x, 6);
    for (let i = 0; i < x.length; i++) expect(got[i]).toBeCloseTo(x[i], 5);
    const y = rng.fillNormal(new Float32Array(4 * d));
    const id = await pcaBaseline(train, 50, d, d).reconstruct(y, 4);
    for (let i = 0; i < y.length; i++) expect(id[i]).toBeCloseTo(y[i], 5);
  });
});
