import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/core/index.js';
import { BORDER_MODES, INTERPOLATIONS, imageWindow, orbitDistances, resampleBatch } from '../../src/actions/continuous.js';
import { affineInverse, lieGroup, so2, t2, LIE_GROUP_NAMES } from '../../src/groups/lie/index.js';
import { gaussianBlob } from '../../src/testing/index.js';
import { resampleImage } from '../../src/actions/resampleImage.js';

const rng = RandomSource.fromSeed(11);

function maxAbs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

function windowedRel(a: ArrayLike<number>, b: ArrayLike<number>, win: Float32Array): number {
  let d = 0;
  let n = 0;
  for (let i = 0; i < win.length; i++) {
    d += (win[i] * (a[i] - b[i])) ** 2;
    n += (win[i] * b[i]) ** 2;
  }
  return Math.sqrt(d / n);
}

describe('resampleBatch: the batched resampling action', () => {
  const elements = [
    [0.9, -0.3, 1.3, 0.4, 1.1, -2.2],
    so2.matrix([1]),
    t2.matrix([3.5, -7.25]),
    [1.7, 0.2, 0, -0.3, 0.6, 0.5],
    lieGroup('sim2').matrix([2.5, -0.4, 0.3, 12.2]),
  ];
  for (const [h, w] of [
    [7, 9],
    [8, 6],
  ])
    for (const interp of INTERPOLATIONS)
      for (const border of BORDER_MODES) {
        it(`resampleBatch(${h}x${w} stack, 5 elements, ${interp}, ${border}) agrees with the per-pixel reference to 5e-6`, async () => {
          const F = 3;
          const data = rng.fillUniform(new Float32Array(F * h * w), -1, 1);
          const y = await resampleBatch({ data, count: F, height: h, width: w }, elements, { interp, border, maxBatchFloats: 2 * h * w });
          expect(y.length).toBe(F * elements.length * h * w);
          for (let f = 0; f < F; f++)
            elements.forEach((g, k) => {
              const ref = resampleImage(data.subarray(f * h * w, (f + 1) * h * w), h, w, g, interp, border);
              expect(maxAbs(y.subarray((f * elements.length + k) * h * w, (f * elements.length + k + 1) * h * w), ref)).toBeLessThan(5e-6);
            });
        });
      }

  it('resampleBatch moves content by +t: translating by (1, 0) shifts columns right, by (0, 1) rows down', async () => {
    const h = 5;
    const w = 6;
    const data = Float32Array.from({ length: h * w }, (_, i) => i + 1);
    const [right, down] = [t2.matrix([1, 0]), t2.matrix([0, 1])];
    const y = await resampleBatch({ data, count: 1, height: h, width: w }, [right, down], { border: 'periodic' });
    for (let i = 0; i < h; i++)
      for (let j = 0; j < w; j++) {
        expect(y[i * w + j]).toBeCloseTo(data[i * w + ((j + w - 1) % w)], 4);
        expect(y[h * w + i * w + j]).toBeCloseTo(data[((i + h - 1) % h) * w + j], 4);
      }
  });

  it('resampleBatch rotates by 90 degrees exactly on a square grid (pixels map to pixels), clockwise on screen since v points down', async () => {
    const n = 7;
    const data = rng.fillUniform(new Float32Array(n * n));
    const y = await resampleBatch({ data, count: 1, height: n, width: n }, [so2.matrix([Math.PI / 2])], { interp: 'bicubic' });
    // (g.x)(u, v) = x(R^-1 (u, v)) = x(v, -u): output (i, j) reads input row n-1-j, column i
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(y[i * n + j]).toBeCloseTo(data[(n - 1 - j) * n + i], 5);
  });

  /** The blob rendered analytically under the affine map M: (M.x)(p) = x(M^-1 p). */
  function blobUnder(M: ArrayLike<number>, n: number, sigma: number, cu: number, cv: number): Float32Array {
    const gi = affineInverse(M);
    const c = (n - 1) / 2;
    const out = new Float32Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const su = gi[0] * (j - c) + gi[1] * (i - c) + gi[2];
        const sv = gi[3] * (j - c) + gi[4] * (i - c) + gi[5];
        out[i * n + j] = Math.exp(-((su - cu) ** 2 + (sv - cv) ** 2) / (2 * sigma * sigma));
      }
    return out;
  }

  for (const name of LIE_GROUP_NAMES) {
    it(`resampleBatch obeys the action law g.(h.x) = (gh).x for ${name} on a smooth blob, within the interpolation error`, async () => {
      // Stated interpolation error: one resample of a sigma-3.5 blob is within 1.5% of the
      // analytic image (bilinear and ONNX bicubic, a = -0.75, alike), so two are within 3%.
      const G = lieGroup(name);
      const n = 33;
      const x = gaussianBlob(n, n, 3.5, 1, -0.5);
      const win = imageWindow(n, n);
      const els = G.testingElements().slice(0, 3);
      for (const interp of INTERPOLATIONS)
        for (const g of els)
          for (const hh of els) {
            const stack = (d: Float32Array) => ({ data: d, count: 1, height: n, width: n });
            const hx = await resampleBatch(stack(x), [G.matrix(hh)], { interp });
            const ghx = await resampleBatch(stack(hx), [G.matrix(g)], { interp });
            const gh = G.matrix(G.compose(g, hh));
            const direct = await resampleBatch(stack(x), [gh], { interp });
            const truth = blobUnder(gh, n, 3.5, 1, -0.5);
            expect(windowedRel(direct, truth, win)).toBeLessThan(0.015);
            expect(windowedRel(ghx, truth, win)).toBeLessThan(0.03);
            expect(windowedRel(ghx, direct, win)).toBeLessThan(0.04);
          }
    });
  }

  it('resampleBatch(x, [g, h]) in the wrong order differs by O(1), so the action-law test can fail', async () => {
    const n = 33;
    const x = gaussianBlob(n, n, 3, 4, 0);
    const G = lieGroup('se2');
    const [g, h] = G.testingElements();
    const gh = await resampleBatch({ data: x, count: 1, height: n, width: n }, [G.matrix(G.compose(g, h)), G.matrix(G.compose(h, g))], { interp: 'bicubic' });
    expect(windowedRel(gh.subarray(0, n * n), gh.subarray(n * n), imageWindow(n, n))).toBeGreaterThan(0.1);
  });

  for (const border of BORDER_MODES)
    it(`orbitDistances returns the windowed relative distances of the resampled images (${border}, bicubic)`, async () => {
      const h = 12;
      const w = 13;
      const F = 4;
      const data = rng.fillUniform(new Float32Array(F * h * w));
      const els = [...Array.from({ length: 8 }, (_, k) => so2.matrix([k * 0.4])), t2.matrix([5.5, -9.25])];
      const win = imageWindow(h, w);
      const opts = { border, interp: 'bicubic' as const };
      const d = await orbitDistances({ data, count: F, height: h, width: w }, els, win, { ...opts, maxBatchFloats: 3 * h * w });
      const y = await resampleBatch({ data, count: F, height: h, width: w }, els, opts);
      for (let f = 0; f < F; f++)
        for (let k = 0; k < els.length; k++) {
          const x = data.subarray(f * h * w, (f + 1) * h * w);
          expect(d[f * els.length + k]).toBeCloseTo(windowedRel(y.subarray((f * els.length + k) * h * w, (f * els.length + k + 1) * h * w), x, win), 5);
        }
      expect(d[0]).toBeLessThan(1e-6);
    });

  it('resampleBatch rejects a stack whose data does not match its shape, and a malformed element', async () => {
    await expect(resampleBatch({ data: new Float32Array(10), count: 1, height: 3, width: 4 }, [so2.matrix([0])])).rejects.toThrow(/data has 10 values, expected count\*height\*width = 1\*3\*4/);
    await expect(resampleBatch({ data: new Float32Array(12), count: 1, height: 3, width: 4 }, [[1, 0, 0]])).rejects.toThrow(/element 0 has 3 entries/);
    await expect(resampleBatch({ data: new Float32Array(12), count: 1, height: 3, width: 4 }, [[1, 0, 0, 0, 1, 0]], { border: 'wrap' as never })).rejects.toThrow(/border must be one of zero, periodic, reflect/);
  });
});
