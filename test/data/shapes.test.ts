import { describe, expect, it } from 'vitest';
import {
  applyP4m,
  BINARY_PRIMITIVES,
  CONTINUOUS_PRIMITIVES,
  generateShapes,
  primitiveCounts,
  primitiveTemplates,
  renderContinuousScene,
} from '../../src/data/index.js';
import type { P4mElement } from '../../src/groups/perm/p4mElement.js';
import { bruteForceOrbit } from '../../src/testing/index.js';

/** g(r, c) written out per rotation count, independently of p4mPoint's loop. */
function mapPoint(n: number, g: P4mElement, r: number, c: number): [number, number] {
  const m = n - 1;
  const c1 = g.mirror ? m - c : c;
  const rot: Array<[number, number]> = [
    [r, c1],
    [c1, m - r],
    [m - r, m - c1],
    [m - c1, r],
  ];
  const [r2, c2] = rot[g.rotation];
  return [(r2 + g.shift[0]) % n, (c2 + g.shift[1]) % n];
}

describe('shapes', () => {
  it('generateShapes(opts) with the same seed gives the same bytes, and another seed other bytes', () => {
    for (const variant of ['binary', 'continuous'] as const) {
      const a = generateShapes({ count: 200, seed: 7, variant, noise: 0.05 });
      const b = generateShapes({ count: 200, seed: 7, variant, noise: 0.05 });
      const c = generateShapes({ count: 200, seed: 8, variant, noise: 0.05 });
      expect(Buffer.from(a.pixels.buffer).equals(Buffer.from(b.pixels.buffer))).toBe(true);
      expect(JSON.stringify(a.truth)).toBe(JSON.stringify(b.truth));
      expect(Buffer.from(a.pixels.buffer).equals(Buffer.from(c.pixels.buffer))).toBe(false);
    }
  });

  it('generateShapes({variant: binary}) images equal the max of g.template over their ground-truth placements', () => {
    for (const n of [8, 16]) {
      const { pixels, truth } = generateShapes({ n, count: 300, seed: 3 });
      if (truth.variant !== 'binary') throw new Error('expected binary truth');
      const templates = primitiveTemplates(n);
      truth.scenes.forEach((scene, i) => {
        expect(scene.length).toBeGreaterThanOrEqual(1);
        expect(scene.length).toBeLessThanOrEqual(3);
        const want = new Float32Array(n * n);
        for (const pl of scene) {
          const t = templates.find((x) => x.name === pl.primitive)!;
          for (let r = 0; r < n; r++) {
            for (let c = 0; c < n; c++) {
              if (t.pixels[r * n + c] === 1) {
                const [r2, c2] = mapPoint(n, pl.element, r, c);
                want[r2 * n + c2] = 1;
              }
            }
          }
          expect(pl.position).toEqual(mapPoint(n, pl.element, t.anchor[0], t.anchor[1]));
          expect(pixels[i * n * n + pl.position[0] * n + pl.position[1]]).toBe(1);
        }
        expect(Array.from(pixels.subarray(i * n * n, (i + 1) * n * n))).toEqual(Array.from(want));
      });
    }
  });

  it('generateShapes({variant: binary, noise}) keeps pixel values exactly 0 or 1 and flips about noise * pixels', () => {
    const n = 16;
    const clean = generateShapes({ n, count: 400, seed: 5 });
    const noisy = generateShapes({ n, count: 400, seed: 5, noise: 0.1 });
    let flips = 0;
    for (let i = 0; i < noisy.pixels.length; i++) {
      expect(noisy.pixels[i] === 0 || noisy.pixels[i] === 1).toBe(true);
      if (noisy.pixels[i] !== clean.pixels[i]) flips++;
    }
    const N = noisy.pixels.length;
    // binomial(N, 0.1): 5 standard deviations
    expect(Math.abs(flips - 0.1 * N)).toBeLessThan(5 * Math.sqrt(N * 0.1 * 0.9));
  });

  it('generateShapes({variant: continuous}) images equal the rendering of their ground-truth poses', () => {
    const n = 16;
    const { pixels, truth } = generateShapes({ n, count: 200, seed: 11, variant: 'continuous' });
    if (truth.variant !== 'continuous') throw new Error('expected continuous truth');
    truth.scenes.forEach((scene, i) => {
      const img = renderContinuousScene(n, scene);
      expect(Array.from(pixels.subarray(i * n * n, (i + 1) * n * n))).toEqual(Array.from(img));
      for (const pl of scene) expect(CONTINUOUS_PRIMITIVES).toContain(pl.primitive);
    });
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of pixels) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThanOrEqual(1);
    // anti-aliased: intermediate values occur
    expect(pixels.some((v) => v > 0.05 && v < 0.95)).toBe(true);
  });

  it('generateShapes({primitives}) draws only the named primitives, in proportion to their weights', () => {
    const { truth } = generateShapes({ count: 3000, seed: 1, primitives: { line: 3, dot: 1 }, minPrimitives: 1, maxPrimitives: 1 });
    const counts = primitiveCounts(truth);
    expect(counts.line + counts.dot).toBe(3000);
    // binomial(3000, 0.75): 5 standard deviations
    expect(Math.abs(counts.line - 2250)).toBeLessThan(5 * Math.sqrt(3000 * 0.75 * 0.25));
    expect(() => generateShapes({ count: 1, primitives: { hexagon: 1 } })).toThrow(/unknown binary primitive "hexagon"/);
  });

  it('primitiveTemplates(n) are binary, and the blob has a trivial stabilizer in p4m', () => {
    for (const n of [8, 16]) {
      const ts = primitiveTemplates(n);
      expect(ts.map((t) => t.name)).toEqual([...BINARY_PRIMITIVES]);
      for (const t of ts) {
        expect(t.pixels.every((v) => v === 0 || v === 1)).toBe(true);
        expect(t.pixels[t.anchor[0] * n + t.anchor[1]]).toBe(1);
      }
      const blob = ts.find((t) => t.name === 'blob')!;
      expect(bruteForceOrbit(blob.pixels, n, 'p4m').stabilizerOrder).toBe(1);
    }
  });

  it('applyP4m(n, g, x) moves pixel p to g(p)', () => {
    const n = 8;
    const x = Float32Array.from({ length: n * n }, (_, i) => i);
    const g: P4mElement = { rotation: 3, mirror: true, shift: [2, 5] };
    const y = applyP4m(n, g, x);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        const [r2, c2] = mapPoint(n, g, r, c);
        expect(y[r2 * n + c2]).toBe(x[r * n + c]);
      }
    }
  });
});
