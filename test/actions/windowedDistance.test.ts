import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/core/random.js';
import { distanceFromSums, windowedDistance } from '../../src/actions/windowedDistance.js';
import { epsStabilizer } from '../../src/actions/epsStabilizer.js';
import { onImage } from '../../src/actions/onImage.js';
import { imageWindow } from '../../src/actions/imageWindow.js';
import { p4m } from '../../src/groups/perm/named.js';

const rng = RandomSource.fromSeed(21);

describe('windowedDistance', () => {
  it('is 0 for a = b, 1 for a = 0, 2 for a = -b, and |c - 1| for a = c b, with any window', () => {
    const b = rng.fillNormal(new Float32Array(64));
    for (const win of [undefined, imageWindow(8, 8, 'disk')]) {
      expect(windowedDistance(b, b, win)).toBe(0);
      expect(windowedDistance(new Float32Array(64), b, win)).toBeCloseTo(1, 12);
      expect(windowedDistance(b.map((v) => -v), b, win)).toBeCloseTo(2, 12);
      expect(windowedDistance(Float64Array.from(b, (v) => 1.25 * v), b, win)).toBeCloseTo(0.25, 12);
    }
  });

  it('ignores pixels of weight 0, equals the explicit formula with weights, and is 0 when b is zero on the window', () => {
    const a = rng.fillNormal(new Float32Array(9));
    const b = rng.fillNormal(new Float32Array(9));
    const win = Float32Array.of(0, 1, 0.5, 2, 0, 1, 1, 0.25, 0);
    const changed = Float32Array.from(a, (v, p) => (win[p] === 0 ? v + 10 : v));
    expect(windowedDistance(changed, b, win)).toBe(windowedDistance(a, b, win));
    let d2 = 0;
    let n2 = 0;
    for (let p = 0; p < 9; p++) {
      d2 += win[p] ** 2 * (a[p] - b[p]) ** 2;
      n2 += win[p] ** 2 * b[p] ** 2;
    }
    expect(windowedDistance(a, b, win)).toBeCloseTo(Math.sqrt(d2 / n2), 12);
    expect(windowedDistance(a, Float32Array.from(b, (v, p) => (win[p] === 0 ? v : 0)), win)).toBe(0);
    expect(distanceFromSums(4, 0)).toBe(0);
    expect(distanceFromSums(4, 16)).toBe(0.5);
  });

  it('epsStabilizer reports, for every element it finds, windowedDistance(g.x, x) with W = 1', () => {
    const n = 5;
    const x = rng.fillNormal(new Float64Array(n * n));
    const r = epsStabilizer(p4m(n), x, 1.2);
    expect(r.count).toBeGreaterThan(1);
    r.elements.forEach((g, k) => {
      expect(r.distances[k]).toBeCloseTo(windowedDistance(onImage(x, g.images), x), 12);
      expect(r.distances[k]).toBeLessThanOrEqual(1.2);
    });
  });
});
