import { describe, expect, it } from 'vitest';
import { generateShapes, primitiveCounts } from '../../src/data/shapes/generateShapes.js';
import { GL2_PRIMITIVES, gl2DesignEnergy, gl2OrbitSample } from '../../src/data/shapes/segmentsFlowers.js';
import { parseDatasetSpec } from '../../src/data/parseDatasetSpec.js';
import { confoundPrimitives, gl2WorldPrimitives } from '../../src/experiments/world.js';
import { confoundTable } from '../../src/experiments/confoundTable.js';

const n = 16;
const count = 3000;
const world = generateShapes({ variant: 'gl2', n, count, seed: 3 });

describe('the segments-and-flowers world (shapes variant gl2)', () => {
  it('generateShapes({ variant: gl2 }) scales every image to the design energy, keeps values in [0, 1] and draws each primitive equally often', () => {
    const E = gl2DesignEnergy(n);
    let top = 0;
    let bottom = Infinity;
    let worst = 0;
    for (let i = 0; i < count; i++) {
      let ss = 0;
      for (let p = i * n * n; p < (i + 1) * n * n; p++) {
        ss += world.pixels[p] ** 2;
        top = Math.max(top, world.pixels[p]);
        bottom = Math.min(bottom, world.pixels[p]);
      }
      worst = Math.max(worst, Math.abs(Math.sqrt(ss) - E) / E);
    }
    expect(worst).toBeLessThan(1e-4);
    expect(bottom).toBe(0);
    expect(top).toBeLessThanOrEqual(1);
    // one primitive per image, from balanced decks: 3000 images = 500 whole decks of 6
    expect(world.truth.scenes.every((s) => s.length === 1)).toBe(true);
    expect(Object.values(primitiveCounts(world.truth))).toEqual(GL2_PRIMITIVES.map(() => count / GL2_PRIMITIVES.length));
  });

  it('generateShapes({ variant: gl2 }) is determined by its seed', () => {
    const again = generateShapes({ variant: 'gl2', n, count: 50, seed: 3 });
    expect(again.pixels).toEqual(world.pixels.subarray(0, 50 * n * n));
    expect(generateShapes({ variant: 'gl2', n, count: 50, seed: 4 }).pixels).not.toEqual(again.pixels);
  });

  it('confoundTable of the gl2 world keeps |Spearman rho| of the Aff(2) orbit dimension with pixel count, energy, frequency and variance share at most 0.2', () => {
    const primitives = gl2WorldPrimitives(n);
    expect(primitives.map((p) => p.orbitMeasure)).toEqual([4, 4, 6, 6, 6, 6]);
    const t = confoundTable(confoundPrimitives(primitives, world.truth), world.pixels, count, n * n);
    for (const k of ['pixelCount', 'energy', 'elementFrequency', 'elementFrequencyObserved', 'varianceShare'] as const) expect({ k, rho: Math.abs(t.rho[k]) <= 0.2 }).toEqual({ k, rho: true });
    // not by constant columns alone: pixel counts and variance shares differ between primitives
    const pixels = t.rows.map((r) => r.pixelCount);
    expect(Math.max(...pixels) / Math.min(...pixels)).toBeGreaterThan(1.5);
    const shares = t.rows.map((r) => r.varianceShare);
    expect(Math.max(...shares) / Math.min(...shares)).toBeGreaterThan(1.2);
  });

  it('gl2OrbitSample gives every primitive the same number of orbit elements, each at the design energy', () => {
    const a = gl2OrbitSample('segment', 12, 2);
    const b = gl2OrbitSample('flower4', 12, 2);
    expect(a.size).toBe(2 * 144);
    expect(b.size).toBe(a.size);
    const E = gl2DesignEnergy(12);
    for (let k = 0; k < a.size; k += 37) expect(Math.hypot(...a.pixels.subarray(k * 144, (k + 1) * 144))).toBeCloseTo(E, 4);
  });

  it('parseDatasetSpec accepts variant=gl2 and generateShapes rejects a side outside 12..64, naming it', () => {
    expect(parseDatasetSpec('shapes:variant=gl2,n=16')).toEqual({ kind: 'shapes', options: { variant: 'gl2', n: 16 } });
    expect(() => generateShapes({ variant: 'gl2', n: 10, count: 5 })).toThrow(/gl2 variant needs n in \[12, 64\], got 10/);
  });
});
