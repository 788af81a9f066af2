import { describe, expect, it } from 'vitest';
import { RandomSource, symmetricEigen, symmetricEigenQl } from '../../../src/core/index.js';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { knownSpectrum } from './knownSpectrum.js';

/** max over k of ||A v_k - lambda_k v_k|| and max |V^T V - I|. */
function residuals(A: Float64Array, d: number, values: Float64Array, vectors: Float64Array): { eig: number; orth: number } {
  let eig = 0;
  let orth = 0;
  for (let k = 0; k < d; k++) {
    let r = 0;
    for (let i = 0; i < d; i++) {
      let s = -values[k] * vectors[i * d + k];
      for (let j = 0; j < d; j++) s += A[i * d + j] * vectors[j * d + k];
      r += s * s;
    }
    eig = Math.max(eig, Math.sqrt(r));
    for (let l = 0; l < d; l++) {
      let s = 0;
      for (let i = 0; i < d; i++) s += vectors[i * d + k] * vectors[i * d + l];
      orth = Math.max(orth, Math.abs(s - (k === l ? 1 : 0)));
    }
  }
  return { eig, orth };
}

describe('symmetricEigenQl (Householder + QL)', () => {
  it('recovers a known spectrum (with a repeated eigenvalue and a zero) in descending order', () => {
    const rng = RandomSource.fromSeed(21);
    const lambda = [9, 4, 4, 2.5, 1, 0.25, 0, -3];
    const d = lambda.length;
    const A = knownSpectrum(d, lambda, rng);
    const { values, vectors } = symmetricEigenQl(A, d);
    [...lambda].sort((a, b) => b - a).forEach((l, k) => expect(values[k]).toBeCloseTo(l, 12));
    const r = residuals(A, d, values, vectors);
    expect(r.eig).toBeLessThan(1e-12);
    expect(r.orth).toBeLessThan(1e-13);
  });

  it('A v = lambda v and V^T V = I on random symmetric matrices (d = 5, 40, 120); eigenvalues agree with Jacobi', () => {
    const rng = RandomSource.fromSeed(4);
    for (const d of [5, 40, 120]) {
      const B = rng.fillNormal(new Float64Array(d * d));
      const A = new Float64Array(d * d);
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) A[i * d + j] = B[i * d + j] + B[j * d + i];
      const { values, vectors } = symmetricEigenQl(A, d);
      for (let k = 1; k < d; k++) expect(values[k]).toBeLessThanOrEqual(values[k - 1]);
      let norm = 0;
      for (const v of A) norm += v * v;
      const r = residuals(A, d, values, vectors);
      expect(r.eig).toBeLessThan(1e-13 * Math.sqrt(norm));
      expect(r.orth).toBeLessThan(1e-13);
      const jacobi = symmetricEigen(A, d).values;
      for (let k = 0; k < d; k++) expect(Math.abs(values[k] - jacobi[k])).toBeLessThan(1e-13 * Math.sqrt(norm));
    }
  });

  it('symmetricEigenQl(A, d) gives ml-matrix EigenvalueDecomposition\'s values and vectors bit for bit (d = 1, 7, 60; a zero row; a repeated eigenvalue)', () => {
    const rng = RandomSource.fromSeed(9);
    const cases: [Float64Array, number][] = [[Float64Array.of(2.5), 1], [knownSpectrum(6, [3, 3, 1, 0, -2, 5], rng), 6]];
    for (const d of [7, 60]) {
      const B = rng.fillNormal(new Float64Array(d * d));
      const A = new Float64Array(d * d);
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) A[i * d + j] = i === 2 || j === 2 ? 0 : B[i * d + j] + B[j * d + i];
      cases.push([A, d]);
    }
    for (const [A, d] of cases) {
      const M = new Matrix(d, d);
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) M.set(i, j, 0.5 * (A[i * d + j] + A[j * d + i]));
      const ref = new EigenvalueDecomposition(M, { assumeSymmetric: true });
      // ml-matrix returns ascending values and vectors as columns: reverse into descending
      const order = Array.from({ length: d }, (_, i) => d - 1 - i).sort((i, j) => ref.realEigenvalues[j] - ref.realEigenvalues[i]);
      const { values, vectors } = symmetricEigenQl(A, d);
      expect(Array.from(values)).toEqual(order.map((src) => ref.realEigenvalues[src]));
      expect(Array.from(vectors)).toEqual(Array.from({ length: d * d }, (_, x) => ref.eigenvectorMatrix.get(Math.floor(x / d), order[x % d])));
    }
  });

  it('rejects a matrix of the wrong size or with a non-finite entry, naming the input', () => {
    expect(() => symmetricEigenQl([1, 2, 3], 2)).toThrow(/symmetricEigenQl: matrix has 3 entries, expected 2 x 2/);
    expect(() => symmetricEigenQl([1, NaN, NaN, 1], 2)).toThrow(/non-finite entry at index 1/);
  });
});
