import { describe, expect, it } from 'vitest';
import { InputRangeError, RandomSource } from '../../src/core/index.js';
import { onImage } from '../../src/actions/index.js';
import { p4m } from '../../src/groups/index.js';
import { imageShadow, shadow, shadowGrid, type AutoencoderOutputs, type LieShadow, type PermutationShadow } from '../../src/shadow/index.js';

/** The 90-degree rotation R = [[0, -1], [1, 0]] in centred coordinates (v down), by index: y[i][j] = x[w-1-j][i] (square images). */
function rotate90(x: Float32Array, n: number): Float32Array {
  const y = new Float32Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) y[i * n + j] = x[(n - 1 - j) * n + i];
  return y;
}

/** An autoencoder that applies `f` to each image of `count` seeded uniform-noise images of n x n. */
function mapped(n: number, count: number, seed: number, f: (x: Float32Array) => Float32Array): AutoencoderOutputs {
  const inputs = RandomSource.fromSeed(seed).fillUniform(new Float32Array(count * n * n));
  const outputs = new Float32Array(inputs.length);
  for (let i = 0; i < count; i++) outputs.set(f(inputs.subarray(i * n * n, (i + 1) * n * n)), i * n * n);
  return { inputs, outputs, count, dim: n * n };
}

/**
 * Smooth images: sums of three Gaussian blobs (sd 2.2 px) with centres c_k within 5 px of the
 * centre; the autoencoder's output is the same function moved by the similarity
 * p -> s R(theta) p + t, evaluated analytically (blob centres go to s R c + t, sd to s sd), so
 * the outputs owe nothing to any interpolant.
 */
function movedBlobs(n: number, count: number, seed: number, theta: number, s: number, t: [number, number]): AutoencoderOutputs {
  const rng = RandomSource.fromSeed(seed);
  const inputs = new Float32Array(count * n * n);
  const outputs = new Float32Array(count * n * n);
  const c = (n - 1) / 2;
  const sd = 2.2;
  for (let i = 0; i < count; i++) {
    const blobs = Array.from({ length: 3 }, () => {
      const r = 5 * Math.sqrt(rng.float());
      const phi = 2 * Math.PI * rng.float();
      return { u: r * Math.cos(phi), v: r * Math.sin(phi), a: 0.5 + rng.float() };
    });
    for (let row = 0; row < n; row++)
      for (let col = 0; col < n; col++) {
        const u = col - c;
        const v = row - c;
        let x = 0;
        let y = 0;
        for (const b of blobs) {
          x += b.a * Math.exp(-((u - b.u) ** 2 + (v - b.v) ** 2) / (2 * sd * sd));
          const gu = s * (Math.cos(theta) * b.u - Math.sin(theta) * b.v) + t[0];
          const gv = s * (Math.sin(theta) * b.u + Math.cos(theta) * b.v) + t[1];
          y += b.a * Math.exp(-((u - gu) ** 2 + (v - gv) ** 2) / (2 * (s * sd) ** 2));
        }
        inputs[i * n * n + row * n + col] = x;
        outputs[i * n * n + row * n + col] = y;
      }
  }
  return { inputs, outputs, count, dim: n * n };
}

const deg = Math.PI / 180;

describe('image-plane shadows', () => {
  it('shadow in se2 recovers an autoencoder that rotates by 90 degrees, with error near zero', async () => {
    const data = mapped(16, 12, 1, (x) => rotate90(x, 16));
    const r = (await shadow(data, 'se2', { height: 16, width: 16 })) as LieShadow;
    expect(r.family).toBe('se2');
    expect(r.paramNames).toEqual(['theta', 'tx', 'ty']);
    expect(Math.abs(r.params[0] - Math.PI / 2)).toBeLessThan(1e-4);
    expect(Math.hypot(r.params[1], r.params[2])).toBeLessThan(1e-3);
    expect(r.error).toBeLessThan(1e-8);
    expect(Array.from(r.element).map((v) => Math.round(v * 1e6) / 1e6 + 0)).toEqual([0, -1, 0, 1, 0, 0, 0, 0, 1]);
  });

  it('shadow in gl2 finds the same 90-degree rotation as a linear map', async () => {
    const data = mapped(12, 8, 2, (x) => rotate90(x, 12));
    const r = (await shadow(data, 'gl2', { height: 12, width: 12 })) as LieShadow;
    const want = [0, -1, 1, 0];
    r.params.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-4));
    expect(r.error).toBeLessThan(1e-8);
  });

  it('imageShadow in se2 recovers a 33-degree rotation of smooth images off the grid within 0.1 degree and 0.05 px', async () => {
    const data = movedBlobs(24, 10, 3, 33 * deg, 1, [0, 0]);
    const r = await imageShadow(data, 'se2', { height: 24, width: 24 });
    expect(Math.abs(r.params[0] - 33 * deg)).toBeLessThan(0.1 * deg);
    expect(Math.hypot(r.params[1], r.params[2])).toBeLessThan(0.05);
    // what remains is the bicubic (Keys) interpolation error on blobs of sd 2.2 px: about 2e-4
    expect(r.error).toBeLessThan(1e-3);
    expect(r.error).toBeLessThan(r.gridError / 10);
  });

  it('imageShadow in se2 recovers a 30-degree rotation with a translation within 0.1 degree and 0.05 px', async () => {
    const data = movedBlobs(24, 10, 4, 30 * deg, 1, [1.3, -0.7]);
    const r = await imageShadow(data, 'se2', { height: 24, width: 24 });
    expect(Math.abs(r.params[0] - 30 * deg)).toBeLessThan(0.1 * deg);
    expect(Math.abs(r.params[1] - 1.3)).toBeLessThan(0.05);
    expect(Math.abs(r.params[2] + 0.7)).toBeLessThan(0.05);
  });

  it('imageShadow in sim2 recovers rotation, scale and translation of smooth images', async () => {
    const data = movedBlobs(24, 10, 5, -50 * deg, 1.15, [0.6, 1.1]);
    const r = await imageShadow(data, 'sim2', { height: 24, width: 24 });
    expect(Math.abs(r.params[0] + 50 * deg)).toBeLessThan(0.2 * deg);
    expect(Math.abs(r.params[1] - Math.log(1.15))).toBeLessThan(0.005);
    expect(Math.abs(r.params[2] - 0.6)).toBeLessThan(0.05);
    expect(Math.abs(r.params[3] - 1.1)).toBeLessThan(0.05);
  });

  it('imageShadow in aff2 recovers a similarity as its affine matrix', async () => {
    const theta = 20 * deg;
    const data = movedBlobs(24, 10, 6, theta, 1.1, [-1, 0.5]);
    const r = await imageShadow(data, 'aff2', { height: 24, width: 24 });
    const want = [1.1 * Math.cos(theta), -1.1 * Math.sin(theta), 1.1 * Math.sin(theta), 1.1 * Math.cos(theta), -1, 0.5];
    r.params.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(i < 4 ? 0.01 : 0.06));
  });

  it('shadowGrid holds 36 angles times 13 translations for se2, the identity and the 90-degree rotation among them', () => {
    const g = shadowGrid('se2');
    expect(g).toHaveLength(36 * 13);
    const near = (m: Float64Array, want: number[]) => want.every((v, i) => Math.abs(m[i] - v) < 1e-12);
    expect(g.some((m) => near(m, [1, 0, 0, 0, 1, 0]))).toBe(true);
    expect(g.some((m) => near(m, [0, -1, 0, 1, 0, 0]))).toBe(true);
  });

  it('shadow in p4m recovers the p4m element an autoencoder applies, exactly', async () => {
    const n = 6;
    const elements = [...p4m(n).elements()];
    expect(elements).toHaveLength(8 * n * n);
    for (const k of [0, 37, 201]) {
      const g = elements[k].images;
      const data = mapped(n, 15, 10 + k, (x) => onImage(x, g));
      const r = (await shadow(data, 'p4m', { height: n, width: n })) as PermutationShadow;
      expect(Array.from(r.element)).toEqual(Array.from(g));
      expect(r.error).toBe(0);
    }
  });

  it('shadow in p4m of a map outside p4m reports the least error over all 8 n^2 elements', async () => {
    const n = 5;
    const data = mapped(n, 6, 20, (x) => x.map((v, i) => (i % 3 === 0 ? 0 : v)));
    const r = (await shadow(data, 'p4m', { height: n, width: n })) as PermutationShadow;
    let best = Infinity;
    for (const g of p4m(n).elements()) {
      let s = 0;
      for (let i = 0; i < data.count; i++)
        for (let q = 0; q < n * n; q++) s += (data.outputs[i * n * n + g.images[q]] - data.inputs[i * n * n + q]) ** 2;
      best = Math.min(best, s);
    }
    expect(r.sumSquaredError).toBeCloseTo(best, 9);
  });

  it('shadow rejects an image family without the image size, and a size that does not match', async () => {
    const data = mapped(6, 3, 30, (x) => x);
    await expect(shadow(data, 'se2')).rejects.toThrow(/acts on images; give options.height and options.width/);
    await expect(shadow(data, 'p4m', { height: 5, width: 5 })).rejects.toThrow(InputRangeError);
    await expect(shadow(data, 'sim2', { height: 4, width: 8 })).rejects.toThrow(/height x width = 4 x 8 = 32/);
  });
});
