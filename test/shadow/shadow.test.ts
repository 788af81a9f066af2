import { describe, expect, it } from 'vitest';
import { InputRangeError, RandomSource, UserError, polarFactor } from '../../src/core/index.js';
import {
  glShadow,
  orthogonalShadow,
  permutationShadow,
  shadow,
  type AutoencoderOutputs,
} from '../../src/shadow/index.js';

/** A random orthogonal n x n matrix: Gram-Schmidt (twice) on a seeded Gaussian matrix. */
function randomOrthogonal(n: number, rng: RandomSource): Float64Array {
  const q = rng.fillNormal(new Float64Array(n * n));
  for (let pass = 0; pass < 2; pass++)
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < i; k++) {
        let d = 0;
        for (let j = 0; j < n; j++) d += q[i * n + j] * q[k * n + j];
        for (let j = 0; j < n; j++) q[i * n + j] -= d * q[k * n + j];
      }
      let s = 0;
      for (let j = 0; j < n; j++) s += q[i * n + j] ** 2;
      for (let j = 0; j < n; j++) q[i * n + j] /= Math.sqrt(s);
    }
  return q;
}

/** The permutation matrix of sigma under (g.x)[sigma(q)] = x[q]: G[sigma(q)][q] = 1. */
function permutationMatrix(sigma: Int32Array): Float64Array {
  const n = sigma.length;
  const g = new Float64Array(n * n);
  for (let q = 0; q < n; q++) g[sigma[q] * n + q] = 1;
  return g;
}

function matMul(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) c[i * n + j] += a[i * n + k] * b[k * n + j];
  return c;
}

/** Outputs of the linear autoencoder x -> G x on `count` seeded Gaussian inputs. */
function linearAutoencoder(g: Float64Array, n: number, count: number, seed: number): AutoencoderOutputs {
  const inputs = RandomSource.fromSeed(seed).fillNormal(new Float32Array(count * n));
  const outputs = new Float32Array(count * n);
  for (let i = 0; i < count; i++)
    for (let r = 0; r < n; r++) {
      let s = 0;
      for (let c = 0; c < n; c++) s += g[r * n + c] * inputs[i * n + c];
      outputs[i * n + r] = s;
    }
  return { inputs, outputs, count, dim: n };
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('shadow fits of linear autoencoders with known elements', () => {
  const n = 16;
  const rng = RandomSource.fromSeed(11);
  const Q = randomOrthogonal(n, rng);
  const sigma = rng.permutation(n);
  const P = permutationMatrix(sigma);

  it('glShadow(data) recovers an orthogonal Q with error near zero and condition number 1', async () => {
    const r = await glShadow(linearAutoencoder(Q, n, 300, 1));
    expect(r.family).toBe('gl');
    expect(maxAbsDiff(r.element, Q)).toBeLessThan(1e-4);
    expect(r.error).toBeLessThan(1e-9);
    expect(r.conditionNumber).toBeCloseTo(1, 3);
    expect(r.rank).toBe(n);
  });

  it('orthogonalShadow(data) recovers an orthogonal Q with error near zero', async () => {
    const r = await orthogonalShadow(linearAutoencoder(Q, n, 300, 2));
    expect(r.family).toBe('o');
    expect(maxAbsDiff(r.element, Q)).toBeLessThan(1e-5);
    expect(r.error).toBeLessThan(1e-11);
  });

  it('permutationShadow(data) recovers a pixel permutation exactly with error zero', async () => {
    const r = await permutationShadow(linearAutoencoder(P, n, 50, 3));
    expect(r.family).toBe('perm');
    expect(Array.from(r.element)).toEqual(Array.from(sigma));
    expect(r.error).toBe(0);
  });

  it('orthogonalShadow(data) and glShadow(data) recover a pixel permutation as its permutation matrix', async () => {
    const data = linearAutoencoder(P, n, 100, 4);
    const o = await orthogonalShadow(data);
    const gl = await glShadow(data);
    expect(maxAbsDiff(o.element, P)).toBeLessThan(1e-5);
    expect(maxAbsDiff(gl.element, P)).toBeLessThan(1e-4);
  });

  it('glShadow and orthogonalShadow recover Q composed with P; permutationShadow recovers P when Q is near the identity', async () => {
    // QP for a random Q: matrix shadows recover it exactly
    const QP = matMul(Q, P, n);
    const data = linearAutoencoder(QP, n, 300, 5);
    expect(maxAbsDiff((await orthogonalShadow(data)).element, QP)).toBeLessThan(1e-5);
    expect(maxAbsDiff((await glShadow(data)).element, QP)).toBeLessThan(1e-4);

    // a small rotation R = orthogonal polar factor of I + 0.15 K (K Gaussian): diagonally dominant,
    // so the nearest permutation of RP on isotropic data is P, with E[delta] = ||R - I||_F^2 / n
    const K = RandomSource.fromSeed(9).fillNormal(new Float64Array(n * n), 0, 0.15);
    for (let i = 0; i < n; i++) K[i * n + i] += 1;
    const R = polarFactor(K, n);
    let dist = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) dist += (R[i * n + j] - (i === j ? 1 : 0)) ** 2;
    const near = linearAutoencoder(matMul(R, P, n), n, 4000, 6);
    const r = await permutationShadow(near);
    expect(Array.from(r.element)).toEqual(Array.from(sigma));
    expect(r.error).toBeGreaterThan(0.85 * (dist / n));
    expect(r.error).toBeLessThan(1.15 * (dist / n));
    // and the O(n) shadow, which contains every permutation, is never worse
    expect((await orthogonalShadow(near)).error).toBeLessThan(1e-11);
  });

  it('permutationShadow(data) recovers a planted permutation of 784 pixels from 64 inputs', async () => {
    const big = 784;
    const count = 64;
    const rng784 = RandomSource.fromSeed(18);
    const s784 = rng784.permutation(big);
    const inputs = rng784.fillNormal(new Float32Array(count * big));
    const outputs = new Float32Array(count * big);
    for (let i = 0; i < count; i++) for (let q = 0; q < big; q++) outputs[i * big + s784[q]] = inputs[i * big + q];
    const r = await permutationShadow({ inputs, outputs, count, dim: big });
    expect(r.element.every((v, q) => v === s784[q])).toBe(true);
    expect(r.error).toBe(0);
  });

  it('shadow(data, family) dispatches to the family and rejects an unknown one', async () => {
    const data = linearAutoencoder(P, n, 40, 7);
    expect((await shadow(data, 'perm')).family).toBe('perm');
    await expect(shadow(data, 'so2' as never)).rejects.toThrow(UserError);
    await expect(shadow(data, 'so2' as never)).rejects.toThrow(/family must be one of gl, o, perm, se2, sim2, gl2, aff2, p4m, got "so2"/);
  });
});

describe('orthogonalShadow orientation', () => {
  it('orthogonalShadow(data) returns the rotation R of y = R x, not its transpose', async () => {
    const t = Math.PI / 6;
    const R = Float64Array.from([Math.cos(t), -Math.sin(t), Math.sin(t), Math.cos(t)]);
    const r = await orthogonalShadow(linearAutoencoder(R, 2, 50, 8));
    expect(r.element[1]).toBeCloseTo(-0.5, 6);
    expect(r.element[2]).toBeCloseTo(0.5, 6);
    expect(maxAbsDiff(r.element, R)).toBeLessThan(1e-6);
  });

  it('orthogonalShadow(data) recovers a reflection (det -1) as such', async () => {
    const F = Float64Array.from([1, 0, 0, 0, 0, 1, 0, 1, 0]).map((v, i) => (i === 0 ? -1 : v));
    const r = await orthogonalShadow(linearAutoencoder(F, 3, 50, 9));
    expect(maxAbsDiff(r.element, F)).toBeLessThan(1e-6);
  });

  it('orthogonalShadow(data) of y = 3 R x has the polar factor R and delta = (3 - 1)^2 = 4', async () => {
    const t = 1.1;
    const R = Float64Array.from([Math.cos(t), -Math.sin(t), Math.sin(t), Math.cos(t)]);
    const r = await orthogonalShadow(linearAutoencoder(R.map((v) => 3 * v), 2, 50, 10));
    expect(maxAbsDiff(r.element, R)).toBeLessThan(1e-6);
    expect(r.error).toBeCloseTo(4, 5);
  });

  it('orthogonalShadow(data).error, from the nuclear norm, equals the float64 residual of its element on nonlinear data with blank pixels', async () => {
    // a nonlinear map of inputs whose first 5 of 24 pixels are always zero (a blank border)
    const n = 24;
    const count = 200;
    const rng = RandomSource.fromSeed(12);
    const inputs = rng.fillUniform(new Float32Array(count * n));
    for (let i = 0; i < count; i++) inputs.fill(0, i * n, i * n + 5);
    const w = rng.fillNormal(new Float64Array(n * n), 0, 0.3);
    const outputs = new Float32Array(count * n);
    for (let i = 0; i < count; i++)
      for (let r = 0; r < n; r++) {
        let s = 0;
        for (let c = 0; c < n; c++) s += w[r * n + c] * inputs[i * n + c];
        outputs[i * n + r] = 1 / (1 + Math.exp(-s));
      }
    const r = await orthogonalShadow({ inputs, outputs, count, dim: n });
    const q = r.element;
    let direct = 0;
    for (let i = 0; i < count; i++)
      for (let a = 0; a < n; a++) {
        let qx = 0;
        for (let b = 0; b < n; b++) qx += q[a * n + b] * inputs[i * n + b];
        direct += (outputs[i * n + a] - qx) ** 2;
      }
    expect(r.sumSquaredError).toBeGreaterThan(1);
    expect(Math.abs(r.sumSquaredError - direct) / direct).toBeLessThan(1e-12);
    // Q is orthogonal
    let off = 0;
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) {
      let d = 0;
      for (let k = 0; k < n; k++) d += q[k * n + a] * q[k * n + b];
      off = Math.max(off, Math.abs(d - (a === b ? 1 : 0)));
    }
    expect(off).toBeLessThan(1e-12);
  });

  it('polarFactor(R diag(3, 1)) is R', () => {
    const t = 0.7;
    const c = Math.cos(t);
    const s = Math.sin(t);
    const M = Float64Array.from([3 * c, -s, 3 * s, c]);
    expect(maxAbsDiff(polarFactor(M, 2), [c, -s, s, c])).toBeLessThan(1e-12);
  });
});

describe('glShadow ridge and condition number', () => {
  it('glShadow(data, { ridge }) in one dimension equals sum xy / (sum x^2 (1 + ridge))', async () => {
    const inputs = Float32Array.from([1, 2, -1, 3]);
    const outputs = Float32Array.from([2, 3, -2, 7]);
    const r = await glShadow({ inputs, outputs, count: 4, dim: 1 }, { ridge: 0.5 });
    expect((await glShadow({ inputs, outputs, count: 4, dim: 1 }, { conditionNumber: false })).conditionNumber).toBeUndefined();
    // sum xy = 2 + 6 + 2 + 21 = 31, sum x^2 = 15, lambda = 0.5 * 15 / 1
    expect(r.ridgeLambda).toBeCloseTo(7.5, 6);
    expect(r.element[0]).toBeCloseTo(31 / 22.5, 6);
    const b = 31 / 22.5;
    const sse = [1, 2, -1, 3].reduce((acc, x, i) => acc + (outputs[i] - b * x) ** 2, 0);
    expect(r.error).toBeCloseTo(sse / 15, 6);
    expect(r.conditionNumber).toBe(1);
  });

  it('glShadow(data) reports the condition number 1000 of A = U diag(1, 0.1, 0.001) V^T', async () => {
    const rng = RandomSource.fromSeed(12);
    const U = randomOrthogonal(3, rng);
    const V = randomOrthogonal(3, rng);
    const S = Float64Array.from([1, 0, 0, 0, 0.1, 0, 0, 0, 0.001]);
    const A = matMul(matMul(U, S, 3), V.map((_, i) => V[(i % 3) * 3 + Math.floor(i / 3)]), 3);
    const r = await glShadow(linearAutoencoder(A, 3, 500, 13), { ridge: 1e-12 });
    expect(r.conditionNumber! / 1000).toBeGreaterThan(0.99);
    expect(r.conditionNumber! / 1000).toBeLessThan(1.01);
    expect(maxAbsDiff(r.element, A)).toBeLessThan(1e-5);
  });

  it('glShadow(data) of a rank-2 map in R^3 reports an infinite condition number, not rounding noise', async () => {
    const rng = RandomSource.fromSeed(16);
    const U = randomOrthogonal(3, rng);
    const S = Float64Array.from([2, 0, 0, 0, 1, 0, 0, 0, 0]);
    const A = matMul(U, S, 3);
    const r = await glShadow(linearAutoencoder(A, 3, 200, 17));
    expect(r.conditionNumber).toBe(Infinity);
    expect(r.rank).toBe(2);
    expect(r.error).toBeLessThan(1e-9);
  });

  it('glShadow(data) with a pixel that never varies needs the ridge: zero column and infinite condition number', async () => {
    const n = 4;
    const Q = randomOrthogonal(n, RandomSource.fromSeed(14));
    const data = linearAutoencoder(Q, n, 200, 15);
    for (let i = 0; i < data.count; i++) data.inputs[i * n + 3] = 0;
    // recompute the outputs for the zeroed inputs
    for (let i = 0; i < data.count; i++)
      for (let r = 0; r < n; r++) {
        let s = 0;
        for (let c = 0; c < n; c++) s += Q[r * n + c] * data.inputs[i * n + c];
        data.outputs[i * n + r] = s;
      }
    await expect(glShadow(data, { ridge: 0 })).rejects.toThrow(InputRangeError);
    const r = await glShadow(data);
    for (let row = 0; row < n; row++) expect(r.element[row * n + 3]).toBe(0);
    expect(r.conditionNumber).toBe(Infinity);
    expect(r.rank).toBe(3);
    expect(r.error).toBeLessThan(1e-9);
  });

  it('glShadow(data, options) rejects unknown options and mismatched shapes with a UserError', async () => {
    const data = { inputs: new Float32Array(6), outputs: new Float32Array(6), count: 3, dim: 2 };
    await expect(glShadow(data, { rige: 1 } as never)).rejects.toThrow(/unknown key "rige"/);
    await expect(glShadow({ ...data, outputs: new Float32Array(5) })).rejects.toThrow(/outputs has 5 values/);
    await expect(orthogonalShadow({ ...data, inputs: Float32Array.from([1, 2, NaN, 0, 0, 0]) })).rejects.toThrow(/non-finite/);
    await expect(permutationShadow(data)).rejects.toThrow(/all zero/);
  });
});
