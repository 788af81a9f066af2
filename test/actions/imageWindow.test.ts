import { describe, expect, it } from 'vitest';
import { groupOrbitDistances, imageWindow, orbitDimension, orbitDimensionBatch } from '../../src/actions/continuous.js';
import { lieGroup } from '../../src/groups/lie/index.js';
import { gaussianBlob } from '../../src/testing/index.js';

describe('imageWindow and the batch entry points', () => {
  it('imageWindow(h, w, "disk") is 1 at the centre, 0 at the corners, and invariant under the square symmetries', () => {
    const h = 11;
    const w = 11;
    const W = imageWindow(h, w);
    expect(W[5 * w + 5]).toBe(1);
    expect(W[0]).toBe(0);
    // R = 5: the pixel at distance 5 on the axis has weight 0, at distance 3 (= R - taper) weight 1
    expect(W[5 * w + 10]).toBe(0);
    expect(W[5 * w + 8]).toBe(1);
    for (let i = 0; i < h; i++)
      for (let j = 0; j < w; j++) {
        expect(W[i * w + j]).toBe(W[j * w + i]);
        expect(W[i * w + j]).toBe(W[(h - 1 - i) * w + j]);
      }
  });

  it('imageWindow(h, w, "none", 2, margin) zeroes a frame of the margin only', () => {
    const W = imageWindow(6, 7, 'none', 2, 2);
    expect(Array.from(W).reduce((a, b) => a + b, 0)).toBe(2 * 3);
    expect(imageWindow(6, 7, 'none').every((v) => v === 1)).toBe(true);
  });

  it('orbitDimensionBatch equals orbitDimension image by image', () => {
    const n = 21;
    const a = gaussianBlob(n, n, 3);
    const b = gaussianBlob(n, n, 2, 2, -1);
    const batch = orbitDimensionBatch({ data: Float32Array.of(...a, ...b), count: 2, height: n, width: n }, lieGroup('sim2'));
    expect(batch[0]).toEqual(orbitDimension(a, n, n, lieGroup('sim2')));
    expect(batch[1]).toEqual(orbitDimension(b, n, n, lieGroup('sim2')));
  });

  it('groupOrbitDistances(blob, so2, angles) is ~0 for every angle of a centred isotropic blob and grows with an off-centre one', async () => {
    const n = 25;
    const data = Float32Array.of(...gaussianBlob(n, n, 3), ...gaussianBlob(n, n, 3, 4, 0));
    const angles = [0, 0.5, 1, 2, 3].map((t) => [t]);
    const d = await groupOrbitDistances({ data, count: 2, height: n, width: n }, lieGroup('so2'), angles);
    for (let k = 0; k < 5; k++) expect(d[k]).toBeLessThan(0.03);
    expect(d[5]).toBeLessThan(1e-6);
    for (let k = 6; k < 10; k++) expect(d[k]).toBeGreaterThan(d[k - 1]);
  });
});
