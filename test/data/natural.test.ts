import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { dewhiten, loadDataset, loadNaturalPatches } from '../../src/data/index.js';
import { RandomSource } from '../../src/core/index.js';

// The shared photographs live at ../shared/data/natural from the repository root; a git worktree
// under /work/wt/<name> sees the same folder two levels up.
const NATURAL = [resolve('../shared/data/natural'), resolve('../../shared/data/natural')].find((p) => existsSync(p));
if (!NATURAL) console.warn('natural.test: ../shared/data/natural not found; tests on the shared photographs are skipped');

function noisePng(h: number, w: number, seed: number): Buffer {
  const png = new PNG({ width: w, height: h });
  const rng = RandomSource.fromSeed(seed);
  for (let i = 0; i < h * w; i++) {
    const g = rng.int(256);
    png.data.set([g, (g * 7) % 256, 255 - g, 255], 4 * i);
  }
  return PNG.sync.write(png);
}

const root = mkdtempSync(join(tmpdir(), 'orbitscope-natural-'));
function folder(name: string, files: Record<string, Uint8Array | string>): string {
  const d = join(root, name);
  mkdirSync(d);
  for (const [f, b] of Object.entries(files)) writeFileSync(join(d, f), b);
  return d;
}

/** Per-pixel covariance of row vectors, float64. */
function covariance(x: Float32Array, count: number, d: number): Float64Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < count; i++) for (let j = 0; j < d; j++) mean[j] += x[i * d + j] / count;
  const c = new Float64Array(d * d);
  for (let i = 0; i < count; i++) for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) c[a * d + b] += ((x[i * d + a] - mean[a]) * (x[i * d + b] - mean[b])) / count;
  return c;
}

describe('natural', () => {
  it.skipIf(!NATURAL)('loadNaturalPatches(dir) normalises every patch to zero mean (|m| < 1e-5) and unit variance (|v - 1| < 1e-4)', async () => {
    const r = await loadNaturalPatches(NATURAL!, { patch: 8, count: 2000, seed: 1 });
    const d = 64;
    expect(r.files.length).toBe(9);
    for (let i = 0; i < r.count; i++) {
      let m = 0;
      let v = 0;
      for (let k = 0; k < d; k++) m += r.pixels[i * d + k] / d;
      for (let k = 0; k < d; k++) v += (r.pixels[i * d + k] - m) ** 2 / d;
      expect(Math.abs(m)).toBeLessThan(1e-5);
      expect(Math.abs(v - 1)).toBeLessThan(1e-4);
    }
  });

  it.skipIf(!NATURAL)('loadNaturalPatches(dir, {whiten, epsilon: 0}) makes the patch covariance the identity on zero-mean patches to 1e-5', async () => {
    // Per-patch mean removal leaves the constant direction with zero variance, so the best a
    // whitening can reach is the projection P = I - 11^T/d; with epsilon = 0 ZCA should give it.
    const p = 8;
    const d = p * p;
    const count = 4000;
    const r = await loadNaturalPatches(NATURAL!, { patch: p, count, seed: 2, whiten: true, epsilon: 0 });
    const c = covariance(r.pixels, count, d);
    let worst = 0;
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) worst = Math.max(worst, Math.abs(c[a * d + b] - ((a === b ? 1 : 0) - 1 / d)));
    expect(worst).toBeLessThan(1e-5);
  });

  it.skipIf(!NATURAL)('loadNaturalPatches(dir, {whiten, epsilon: 0.1}) shrinks covariance eigenvalues to lambda/(lambda+eps) and dewhiten undoes it', async () => {
    const p = 8;
    const d = p * p;
    const count = 3000;
    const raw = await loadNaturalPatches(NATURAL!, { patch: p, count, seed: 3 });
    const r = await loadNaturalPatches(NATURAL!, { patch: p, count, seed: 3, whiten: true, epsilon: 0.1 });
    const w = r.whitening!;
    expect(w.epsilon).toBe(0.1);
    const c = covariance(r.pixels, count, d);
    let trace = 0;
    for (let a = 0; a < d; a++) trace += c[a * d + a];
    const want = Array.from(w.eigenvalues).reduce((s, l) => s + Math.max(l, 0) / (Math.max(l, 0) + 0.1), 0);
    expect(Math.abs(trace - want) / want).toBeLessThan(1e-4);
    const back = dewhiten(w, Float32Array.from(r.pixels), count);
    let err = 0;
    for (let i = 0; i < back.length; i++) err = Math.max(err, Math.abs(back[i] - raw.pixels[i]));
    expect(err).toBeLessThan(1e-3);
  });

  it.skipIf(!NATURAL)('loadDataset("natural:DIR,...") keeps the whitening on the dataset and is reproducible by seed', async () => {
    const spec = `natural:${NATURAL},patch=8,count=500,whiten=true,seed=9`;
    const a = await loadDataset(spec);
    const b = await loadDataset(spec);
    expect([a.count, a.height, a.width]).toEqual([500, 8, 8]);
    expect(a.whitening?.matrix.length).toBe(64 * 64);
    expect(a.hash).toBe(b.hash);
  });

  it('loadNaturalPatches skips a corrupt PNG among good ones with a warning naming it, and fails on it when strict', async () => {
    const dir = folder('mixed', {
      'a.png': noisePng(20, 24, 1),
      'b.jpg': await sharp(noisePng(30, 20, 2)).jpeg().toBuffer(),
      'broken.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
      'notes.txt': 'not an image',
    });
    const warnings: string[] = [];
    const r = await loadNaturalPatches(dir, { patch: 8, count: 50 }, { warn: (m) => warnings.push(m) });
    expect(r.files.map((f) => f.slice(dir.length + 1))).toEqual(['a.png', 'b.jpg']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(join(dir, 'broken.png'));
    await expect(loadNaturalPatches(dir, { patch: 8, count: 50 }, { strict: true })).rejects.toThrow(`${join(dir, 'broken.png')}: cannot decode image`);
  });

  it('loadNaturalPatches rejects a missing folder, a folder with no images, all-corrupt images and a patch larger than an image', async () => {
    await expect(loadNaturalPatches(join(root, 'absent'))).rejects.toThrow(/absent: cannot read folder \(ENOENT\)/);
    const empty = folder('empty', { 'README.md': '# nothing' });
    await expect(loadNaturalPatches(empty)).rejects.toThrow(`${empty}: no PNG or JPEG images in the folder`);
    const bad = folder('bad', { 'x.png': 'garbage' });
    await expect(loadNaturalPatches(bad)).rejects.toThrow(`${bad}: none of the 1 image file(s) could be decoded`);
    const small = folder('small', { 'tiny.png': noisePng(10, 40, 3) });
    await expect(loadNaturalPatches(small, { patch: 12 })).rejects.toThrow(`${join(small, 'tiny.png')}: image is 10 x 40, smaller than the 12 x 12 patch`);
  });
});
