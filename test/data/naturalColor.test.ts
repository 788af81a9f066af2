import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { loadDataset, loadNaturalPatches } from '../../src/data/index.js';

/** A 80 x 96 PNG whose red rises left to right, green top to bottom, blue constant 200. */
function gradientPng(): Buffer {
  const [h, w] = [80, 96];
  const png = new PNG({ width: w, height: h });
  for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) png.data.set([(j * 255) / (w - 1), (i * 255) / (h - 1), 200, 255], 4 * (i * w + j));
  return PNG.sync.write(png);
}

describe('natural:DIR,color=true: RGB patches', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'orbitscope-colour-')), 'photos');
  mkdirSync(dir);
  writeFileSync(join(dir, 'g.png'), gradientPng());

  it('loadNaturalPatches(color) cuts 3 x P x P patches (P up to 64) normalised over all channels, keeping each channel in its plane', async () => {
    const r = await loadNaturalPatches(dir, { patch: 64, count: 5, color: true, seed: 3 });
    expect(r.channels).toBe(3);
    expect(r.pixels.length).toBe(5 * 3 * 64 * 64);
    const n = 64 * 64;
    for (let i = 0; i < 5; i++) {
      const x = r.pixels.subarray(i * 3 * n, (i + 1) * 3 * n);
      const mean = x.reduce((a, b) => a + b, 0) / x.length;
      const v = x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length;
      expect(mean).toBeCloseTo(0, 4);
      expect(v).toBeCloseTo(1, 3);
      // red rises along columns, green along rows, blue is flat
      const at = (c: number, row: number, col: number) => x[c * n + row * 64 + col];
      expect(at(0, 10, 63) - at(0, 10, 0)).toBeGreaterThan(0.5);
      expect(Math.abs(at(0, 63, 10) - at(0, 0, 10))).toBeLessThan(0.05);
      expect(at(1, 63, 10) - at(1, 0, 10)).toBeGreaterThan(0.5);
      expect(Math.abs(at(2, 63, 63) - at(2, 0, 0))).toBeLessThan(1e-6);
    }
  });

  it('loadDataset("natural:DIR,patch=16,color=true") reports 3 channels; whitening refuses patches it cannot take', async () => {
    const d = await loadDataset(`natural:${dir},patch=16,count=4,color=true`);
    expect([d.channels, d.height, d.width, d.pixels.length]).toEqual([3, 16, 16, 4 * 3 * 256]);
    const gray = await loadDataset(`natural:${dir},patch=16,count=4`);
    expect(gray.channels).toBeUndefined();
    await expect(loadDataset(`natural:${dir},patch=32,count=4,color=true,whiten=true`)).rejects.toThrow(/whiten takes patches of at most 1024 values.*3 x 32 x 32 is 3072/);
  });
});
