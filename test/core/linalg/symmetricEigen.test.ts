import { describe, expect, it } from 'vitest';
import { RandomSource, symmetricEigen, symmetricEigenQl } from '../../../src/core/index.js';
import { knownSpectrum } from './knownSpectrum.js';

// the same closed form for both solvers (Jacobi sweeps, and Householder + QL in symmetricEigenQl.test.ts)
describe.each([
  ['symmetricEigen', symmetricEigen],
  ['symmetricEigenQl', symmetricEigenQl],
] as const)('%s on [[2,1],[1,2]]', (_name, solve) => {
  it('returns 3 and 1 with eigenvectors (1,1)/sqrt2 and (1,-1)/sqrt2 up to sign', () => {
    const { values, vectors } = solve([2, 1, 1, 2], 2);
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(Math.abs(vectors[0])).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors[0] * vectors[2]).toBeCloseTo(0.5, 14);
    expect(vectors[1] * vectors[3]).toBeCloseTo(-0.5, 14);
  });
});

describe('symmetricEigen', () => {

  it('symmetricEigen(Q diag(l) Q^T) recovers a spread spectrum (1e-6..10) to 1e-12 relative, with orthonormal vectors', () => {
    const d = 40;
    const rng = RandomSource.fromSeed(4);
    const lambda = Array.from({ length: d }, (_, i) => 10 * 10 ** (-7 * (i / (d - 1))));
    const A = knownSpectrum(d, lambda, rng);
    const { values, vectors } = symmetricEigen(A, d);
    for (let k = 0; k < d; k++) expect(Math.abs(values[k] - lambda[k])).toBeLessThan(1e-13 * 10 + 1e-12 * lambda[k]);
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) {
        let s = 0;
        for (let i = 0; i < d; i++) s += vectors[i * d + a] * vectors[i * d + b];
        expect(Math.abs(s - (a === b ? 1 : 0))).toBeLessThan(1e-12);
      }
    }
    // residual ||A v - l v|| for every pair
    for (let k = 0; k < d; k++) {
      let r = 0;
      for (let i = 0; i < d; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += A[i * d + j] * vectors[j * d + k];
        r += (s - values[k] * vectors[i * d + k]) ** 2;
      }
      expect(Math.sqrt(r)).toBeLessThan(1e-12);
    }
  });

  it('symmetricEigen rejects a matrix of the wrong size or with NaN', () => {
    expect(() => symmetricEigen([1, 2, 3], 2)).toThrow(/3 entries, expected 2 x 2/);
    expect(() => symmetricEigen([1, NaN, NaN, 1], 2)).toThrow(/non-finite/);
  });
});
