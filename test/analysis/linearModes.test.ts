import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/core/random.js';
import { linearModes } from '../../src/analysis/linearModes.js';

describe('linearModes', () => {
  it('linearModes(W) returns orthonormal right singular vectors in descending order with W^T W = sum sigma^2 v v^T', () => {
    const rng = RandomSource.fromSeed(2);
    const units = 5;
    const d = 12;
    const W = Float32Array.from({ length: units * d }, () => rng.normal());
    const { modes, singularValues } = linearModes(W, units, d);
    for (let k = 1; k < units; k++) expect(singularValues[k]).toBeLessThanOrEqual(singularValues[k - 1]);
    for (let a = 0; a < units; a++) {
      for (let b = 0; b < units; b++) {
        let dot = 0;
        for (let p = 0; p < d; p++) dot += modes[a * d + p] * modes[b * d + p];
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 5);
      }
    }
    for (let p = 0; p < d; p++) {
      for (let q = 0; q < d; q++) {
        let want = 0;
        for (let i = 0; i < units; i++) want += W[i * d + p] * W[i * d + q];
        let got = 0;
        for (let k = 0; k < units; k++) got += singularValues[k] ** 2 * modes[k * d + p] * modes[k * d + q];
        expect(got).toBeCloseTo(want, 3);
      }
    }
  });

  it('linearModes of a rotated W (Q W, Q orthogonal) are the same modes up to sign: what a linear layer learns does not depend on its code basis', () => {
    const rng = RandomSource.fromSeed(3);
    const units = 3;
    const d = 8;
    const W = Float32Array.from({ length: units * d }, () => rng.normal());
    const c = Math.cos(0.7);
    const s = Math.sin(0.7);
    const Q = [c, -s, 0, s, c, 0, 0, 0, 1];
    const QW = new Float32Array(units * d);
    for (let i = 0; i < units; i++) for (let p = 0; p < d; p++) for (let j = 0; j < units; j++) QW[i * d + p] += Q[i * units + j] * W[j * d + p];
    const a = linearModes(W, units, d).modes;
    const b = linearModes(QW, units, d).modes;
    for (let k = 0; k < units; k++) {
      let dot = 0;
      for (let p = 0; p < d; p++) dot += a[k * d + p] * b[k * d + p];
      expect(Math.abs(dot)).toBeCloseTo(1, 4);
    }
  });
});
