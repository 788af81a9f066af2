import type { RandomSource } from '../../../src/core/index.js';

/** Q diag(lambda) Q^T with Q a product of three random Householder reflections (exactly known spectrum). */
export function knownSpectrum(d: number, lambda: number[], rng: RandomSource): Float64Array {
  let Q = new Float64Array(d * d);
  for (let i = 0; i < d; i++) Q[i * d + i] = 1;
  for (let h = 0; h < 3; h++) {
    const v = rng.fillNormal(new Float64Array(d));
    const nv = Math.hypot(...v);
    for (let i = 0; i < d; i++) v[i] /= nv;
    const next = new Float64Array(d * d);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) next[i * d + j] += Q[i * d + k] * ((k === j ? 1 : 0) - 2 * v[k] * v[j]);
    Q = next;
  }
  const A = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) A[i * d + j] += Q[i * d + k] * lambda[k] * Q[j * d + k];
  return A;
}
