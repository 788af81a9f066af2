import { describe, expect, it } from 'vitest';
import { decorrelatedTemplates, DECORRELATED_PRIMITIVES, generateShapes, primitiveCounts, shapesCatalog, applyP4m } from '../../src/data/index.js';
import { parseDatasetSpec } from '../../src/data/parseDatasetSpec.js';
import { bruteForceOrbit } from '../../src/testing/index.js';

describe('decorrelated shapes world', () => {
  it('decorrelatedTemplates(n) gives n pixels of value 1 per primitive and the designed p4m orbit 8n^2/|S| (group engine and brute force agree)', () => {
    for (const n of [8, 12]) {
      const ts = decorrelatedTemplates(n);
      expect(ts.map((t) => t.name)).toEqual([...DECORRELATED_PRIMITIVES]);
      const cat = new Map(shapesCatalog(n, { variant: 'decorrelated' }).map((e) => [e.primitive, e]));
      for (const t of ts) {
        expect([...t.pixels].filter((v) => v === 1).length).toBe(n);
        expect([...t.pixels].every((v) => v === 0 || v === 1)).toBe(true);
        const want = 8 * n * n / t.designStabilizer;
        expect({ name: t.name, orbit: Number(cat.get(t.name)!.p4m.orbitSize) }).toEqual({ name: t.name, orbit: want });
        if (n === 8) expect({ name: t.name, orbit: bruteForceOrbit(t.pixels, n, 'p4m').orbitSize }).toEqual({ name: t.name, orbit: want });
      }
      // orbit sizes: lines 2n, zigzag 4n, then a compact and a spread primitive at each of n^2, 2n^2, 4n^2, 8n^2
      expect(ts.map((t) => 8 * n * n / t.designStabilizer)).toEqual([2 * n, 2 * n, 4 * n, n * n, n * n, 2 * n * n, 2 * n * n, 4 * n * n, 4 * n * n, 8 * n * n, 8 * n * n]);
    }
  });

  it('decorrelatedTemplates(n) is deterministic and hands out copies', () => {
    const a = decorrelatedTemplates(12);
    a[3].pixels.fill(0);
    const b = decorrelatedTemplates(12);
    expect(b[3].pixels.reduce((s, v) => s + v, 0)).toBe(12);
  });

  it('generateShapes({variant: decorrelated}) draws each primitive in proportion to its orbit size, and each image is the max of its placements', () => {
    const n = 12;
    const count = 3000;
    const { pixels, truth } = generateShapes({ n, count, variant: 'decorrelated', seed: 5 });
    if (truth.variant !== 'decorrelated') throw new Error('expected decorrelated truth');
    const ts = decorrelatedTemplates(n);
    const counts = primitiveCounts(truth);
    const placements = Object.values(counts).reduce((a, b) => a + b, 0);
    const sizes = ts.map((t) => 8 * n * n / t.designStabilizer);
    const total = sizes.reduce((a, b) => a + b, 0);
    ts.forEach((t, i) => {
      expect(truth.weights[t.name]).toBe(sizes[i]);
      const p = sizes[i] / total;
      const sd = Math.sqrt(placements * p * (1 - p));
      expect(Math.abs(counts[t.name] - placements * p)).toBeLessThan(4 * sd);
    });
    for (let i = 0; i < 50; i++) {
      const want = new Float32Array(n * n);
      for (const pl of truth.scenes[i]) {
        const moved = applyP4m(n, pl.element, ts.find((t) => t.name === pl.primitive)!.pixels);
        for (let p = 0; p < n * n; p++) want[p] = Math.max(want[p], moved[p]);
      }
      expect(pixels.subarray(i * n * n, (i + 1) * n * n)).toEqual(want);
    }
  });

  it('generateShapes rejects a decorrelated world with odd n naming n; the spec parser accepts variant=decorrelated', () => {
    expect(() => generateShapes({ n: 11, count: 10, variant: 'decorrelated' })).toThrow(/shapes: the decorrelated variant needs an even n in \[8, 32\], got 11/);
    expect(parseDatasetSpec('shapes:variant=decorrelated,n=12')).toEqual({ kind: 'shapes', options: { variant: 'decorrelated', n: 12 } });
  });
});
