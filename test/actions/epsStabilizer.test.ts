import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/core/index.js';
import { boxElements, continuousOrbitReport, epsOrbitSizesBatch, epsStabilizerBatch, greedyNetSize, haltonPoints, imageWindow, resampleBatch, roundTripError } from '../../src/actions/continuous.js';
import { greedyNetSizeFromGram, orbitNetSizes } from '../../src/actions/epsStabilizerMeasure.js';
import { orbitGrams } from '../../src/actions/orbitGram.js';
import { lieGroup, LIE_GROUP_NAMES } from '../../src/groups/lie/index.js';
import { gaussianBlob } from '../../src/testing/index.js';

describe('epsilon-stabilizer measure and epsilon-orbit size', () => {
  it('haltonPoints gives the radical inverses in bases 2 and 3, from index 1', () => {
    const q = haltonPoints(4, 2);
    expect(Array.from(q)).toEqual([1 / 2, 1 / 3, 1 / 4, 2 / 3, 3 / 4, 1 / 9, 1 / 8, 4 / 9]);
  });

  it('greedyNetSize of the points 0..9 on a line at radius 1.5 keeps 0, 2, 4, 6, 8', () => {
    const pts = Float32Array.from({ length: 10 }, (_, i) => i);
    expect(greedyNetSize(pts, 10, 1, Float32Array.of(1), 1.5)).toBe(5);
    expect(greedyNetSize(pts, 10, 1, Float32Array.of(1), 0.5)).toBe(10);
    expect(greedyNetSize(pts, 10, 1, Float32Array.of(1), 9)).toBe(1);
  });

  it('greedyNetSizeFromGram equals greedyNetSize for any Gram matrix within its error bound, also at radii on pairwise distances', () => {
    const rng = RandomSource.fromSeed(21);
    const m = 24;
    const n = 40;
    const window = Float32Array.from({ length: n }, (_, p) => (p % 7 === 0 ? 0 : 0.5 + (p % 3) / 4));
    // clustered points, so that many pairs sit near any radius between the clusters' scales
    const centre = rng.fillNormal(new Float32Array(n));
    const points = Float32Array.from({ length: m * n }, (_, i) => centre[i % n] + (Math.floor(i / n) % 4) * 0.3 + 0.2 * rng.normal());
    const norms = new Float64Array(m);
    const exact = new Float64Array(m * m);
    const dist = new Float64Array(m * m);
    for (let a = 0; a < m; a++)
      for (let c = 0; c < m; c++) {
        let g = 0;
        let d = 0;
        for (let p = 0; p < n; p++) {
          g += window[p] * points[a * n + p] * window[p] * points[c * n + p];
          d += (window[p] * (points[a * n + p] - points[c * n + p])) ** 2;
        }
        exact[a * m + c] = g;
        dist[a * m + c] = Math.sqrt(d);
        if (a === c) norms[a] = g;
      }
    const bound = (a: number, c: number) => (n + 4) * 2 ** -24 * Math.sqrt(norms[a] * norms[c]);
    for (let trial = 0; trial < 4; trial++) {
      // float32 Gram entries pushed anywhere within the float32 product's error bound
      const gram = Float32Array.from(exact, (g, i) => g + (2 * rng.float() - 1) * bound(Math.floor(i / m), i % m));
      const radii = [...Array.from({ length: m * m }, (_, i) => dist[i]).filter((d) => d > 0), 0.5 * (dist[2] + dist[9]), 0, 100];
      const differ = radii.filter((radius) => greedyNetSizeFromGram(points, m, n, window, radius, gram, norms) !== greedyNetSize(points, m, n, window, radius));
      expect(differ).toEqual([]);
    }
  });

  it('orbitNetSizes(images, elements, window, eps) equals greedyNetSize of each resampled orbit (Gram from the graph)', async () => {
    const rng = RandomSource.fromSeed(4);
    const h = 12;
    const n = h * h;
    const images = rng.fillNormal(new Float32Array(3 * n));
    const elements = boxElements(lieGroup('so2'), 32);
    const window = imageWindow(h, h, 'disk');
    const stack = { data: images, count: 3, height: h, width: h };
    const moved = await resampleBatch(stack, elements);
    const epsList = [0.1, 0.25, 0.5, 0.9];
    const sizes = await orbitNetSizes(stack, elements, window, epsList);
    const grams = await orbitGrams(moved, 3, 32, window);
    expect(grams.length).toBe(3 * 32 * 32);
    for (let f = 0; f < 3; f++) {
      let norm2 = 0;
      for (let p = 0; p < n; p++) norm2 += (window[p] * images[f * n + p]) ** 2;
      epsList.forEach((eps, e) => expect(sizes[e][f]).toBe(greedyNetSize(moved.subarray(f * 32 * n, (f + 1) * 32 * n), 32, n, window, eps * Math.sqrt(norm2))));
    }
    expect(new Set(sizes.map((s) => s[0])).size).toBeGreaterThan(1);
  });

  for (const name of LIE_GROUP_NAMES) {
    it(`boxElements(${name}) samples invertible elements of the group, the first ones distinct`, () => {
      const G = lieGroup(name);
      const els = boxElements(G, 16);
      expect(els.length).toBe(16);
      for (const m of els) expect(Math.abs(m[0] * m[4] - m[1] * m[3])).toBeGreaterThan(0.1);
      expect(els[0]).not.toEqual(els[1]);
    });
  }

  it('epsStabilizerBatch(blob, t2, periodic) matches the closed form: |t| <= 2 sigma sqrt(-ln(1 - eps^2/2)) over the disk of radius 4', async () => {
    // ||x(. - t) - x||^2 / ||x||^2 = 2 (1 - exp(-|t|^2 / (4 sigma^2))) for a Gaussian of sd sigma
    const n = 41;
    const sigma = 4;
    const eps = 0.3;
    const x = gaussianBlob(n, n, sigma);
    const [r] = await epsStabilizerBatch({ data: x, count: 1, height: n, width: n }, lieGroup('t2'), { eps, border: 'periodic', interp: 'bicubic', samples: 2048, orbitSize: false });
    const tStar2 = -4 * sigma * sigma * Math.log(1 - (eps * eps) / 2);
    expect(r.samples).toBe(2048);
    expect(r.epsOrbitSize).toBeNull();
    // interpolation error (~1%) moves the boundary by ~0.04 px; Halton discrepancy ~1e-3
    expect(r.epsStabilizerMeasure).toBeCloseTo(tStar2 / 16, 1);
    expect(Math.abs(r.epsStabilizerMeasure - tStar2 / 16)).toBeLessThan(0.015);
  });

  it('epsStabilizerBatch(blob, t2, periodic, fourier) matches the closed form more tightly, with a round-trip floor of ~0', async () => {
    const n = 41;
    const sigma = 4;
    const eps = 0.3;
    const stack = { data: gaussianBlob(n, n, sigma), count: 1, height: n, width: n };
    const [r] = await epsStabilizerBatch(stack, lieGroup('t2'), { eps, border: 'periodic', fourier: true, samples: 2048, orbitSize: false });
    const tStar2 = -4 * sigma * sigma * Math.log(1 - (eps * eps) / 2);
    expect(Math.abs(r.epsStabilizerMeasure - tStar2 / 16)).toBeLessThan(0.005);
    const [floor] = await roundTripError(stack, lieGroup('t2'), { border: 'periodic', window: 'none', fourier: true });
    expect(floor.max).toBeLessThan(1e-6);
    await expect(epsStabilizerBatch(stack, lieGroup('so2'), { eps, fourier: true })).rejects.toThrow(/Fourier shift acts only for t2 with a periodic border/);
  });

  it('epsStabilizerBatch(centred blob, so2) above the error floor is the whole circle, with an orbit of size 1', async () => {
    const n = 29;
    const x = gaussianBlob(n, n, 3);
    const stack = { data: x, count: 1, height: n, width: n };
    const [floor] = await roundTripError(stack, lieGroup('so2'));
    const [r] = await epsStabilizerBatch(stack, lieGroup('so2'), { eps: 2 * floor.max, samples: 256 });
    expect(r.epsStabilizerMeasure).toBe(1);
    expect(r.epsOrbitSize).toBe(1);
  });

  it('epsStabilizerBatch(noise, so2): orbit size falls as eps grows, and is every sample at eps -> 0', async () => {
    const n = 21;
    const x = RandomSource.fromSeed(4).fillUniform(new Float32Array(n * n));
    const stack = { data: x, count: 1, height: n, width: n };
    const sizes: number[] = [];
    for (const eps of [1e-9, 0.1, 0.3, 0.6]) {
      const [r] = await epsStabilizerBatch(stack, lieGroup('so2'), { eps, samples: 128 });
      sizes.push(r.epsOrbitSize!);
    }
    // the Halton angles include 0 once; every other angle moves noise far
    expect(sizes[0]).toBe(128);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1]);
    expect(sizes[3]).toBeLessThan(128);
  });

  it('epsOrbitSizesBatch at several eps equals epsStabilizerBatch at each eps alone, image by image (one resampling serves all)', async () => {
    const n = 15;
    const rng = RandomSource.fromSeed(9);
    const count = 5;
    // noise, a blob and a zero image (its net is one point at radius 0)
    const data = new Float32Array(count * n * n);
    rng.fillUniform(data.subarray(0, 3 * n * n));
    data.set(gaussianBlob(n, n, 2.5, 1, -2), 3 * n * n);
    const stack = { data, count, height: n, width: n };
    const epsList = [0.1, 0.25, 0.5, 0.75];
    for (const group of ['so2', 'se2'] as const) {
      const batch = await epsOrbitSizesBatch(stack, lieGroup(group), epsList, { samples: 64 });
      for (const [e, eps] of epsList.entries()) {
        const alone = await epsStabilizerBatch(stack, lieGroup(group), { eps, samples: 64 });
        expect(batch[e]).toEqual(alone.map((r) => r.epsOrbitSize));
      }
      expect(batch[0][4]).toBe(1);
      expect(batch[0][0]).toBeGreaterThan(batch[3][0]);
    }
  });

  it('roundTripError is small for a smooth blob and larger for noise, which interpolation blurs', async () => {
    const n = 25;
    const blob = gaussianBlob(n, n, 3);
    const noise = RandomSource.fromSeed(8).fillUniform(new Float32Array(n * n), -1, 1);
    const [b, z] = await roundTripError({ data: Float32Array.of(...blob, ...noise), count: 2, height: n, width: n }, lieGroup('se2'), { interp: 'bilinear' });
    expect(b.perElement.length).toBe(lieGroup('se2').testingElements().length);
    expect(b.max).toBeGreaterThan(0);
    expect(b.max).toBeLessThan(0.06);
    expect(z.mean).toBeGreaterThan(0.2);
  });

  it('continuousOrbitReport(blob, se2, { eps }) carries the contract fields', async () => {
    const n = 25;
    const r = await continuousOrbitReport({ height: n, width: n, pixels: gaussianBlob(n, n, 3) }, 'se2', { eps: 0.3, samples: 128 });
    expect(r.group).toBe('se2');
    expect([r.dim, r.orbitDim, r.stabilizerDim]).toEqual([3, 2, 1]);
    expect(r.singularValues.length).toBe(3);
    expect(r.samples).toBe(128);
    expect(r.epsStabilizerMeasure).toBeGreaterThan(0);
    expect(r.epsStabilizerMeasure).toBeLessThan(1);
    expect(r.epsOrbitSize).toBeGreaterThan(1);
    expect(r.errorFloor).toBeLessThan(0.1);
    expect(r.warnings).toBeUndefined();
    const low = await continuousOrbitReport({ height: n, width: n, pixels: gaussianBlob(n, n, 3) }, 'se2', { eps: 1e-4, samples: 16 });
    expect(low.warnings?.[0]).toMatch(/eps 0.0001 is not above the resampling error floor/);
    const plain = await continuousOrbitReport({ height: n, width: n, pixels: gaussianBlob(n, n, 3) }, 'so2');
    expect(plain.epsStabilizerMeasure).toBeUndefined();
    expect(plain.stabilizerDim).toBe(1);
  });
});
