import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { encodeNpy } from '../../src/data/npy.js';
import { ResultsSchema, ClaimIds } from '../../src/results/index.js';
import { RandomSource } from '../../src/core/index.js';

// Nothing to find, nothing found (issue 13, item 5): the whole pipeline at reduced size, with
// enough seeds (6) that any claim could come out supported, on data with nothing to learn.

const root = mkdtempSync(join(tmpdir(), 'orbitscope-null-'));
const H = 8;
const COUNT = 600;

/** i.i.d. uniform noise images in [0, 1]. */
function noise(rng: RandomSource): Float32Array {
  return Float32Array.from({ length: COUNT * H * H }, () => rng.float());
}

/** Stationary random fields: white noise smoothed by a periodic Gaussian (sigma 1.2 px), mapped into [0, 1]. */
function fields(rng: RandomSource): Float32Array {
  const n = H * H;
  const out = new Float32Array(COUNT * n);
  const white = new Float64Array(n);
  for (let k = 0; k < COUNT; k++) {
    for (let p = 0; p < n; p++) white[p] = rng.normal();
    for (let i = 0; i < H; i++)
      for (let j = 0; j < H; j++) {
        let s = 0;
        for (let a = 0; a < H; a++)
          for (let b = 0; b < H; b++) {
            const di = Math.min(Math.abs(i - a), H - Math.abs(i - a));
            const dj = Math.min(Math.abs(j - b), H - Math.abs(j - b));
            s += white[a * H + b] * Math.exp(-(di * di + dj * dj) / (2 * 1.2 * 1.2));
          }
        out[k * n + i * H + j] = 1 / (1 + Math.exp(-0.5 * s));
      }
  }
  return out;
}

async function runOn(name: string, pixels: Float32Array, extra: string[] = []) {
  const file = join(root, `${name}.npy`);
  writeFileSync(file, encodeNpy(pixels, [COUNT, H, H]));
  const out = join(root, name);
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  const args = ['node', 'orbitscope', 'run', '--quick', '--quiet', '--data', `npy:${file}`, '--layers', '12,6', '--epochs', '4', '--seeds', '6', '--groups', 'p4m,so2', '--out', out, ...extra];
  const code = await main(args, io);
  expect(io.stderr).toBe('');
  expect(code).toBe(0);
  return { results: ResultsSchema.parse(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'))), config: JSON.parse(readFileSync(join(out, 'config.json'), 'utf8')) };
}

describe('nothing to find, nothing found', () => {
  it('on i.i.d. noise images no claim about learning is supported', async () => {
    const { results } = await runOn('noise', noise(RandomSource.fromSeed(1)));
    for (const id of ClaimIds) expect(results.claims[id].verdict, `${id}: ${results.claims[id].reason ?? ''}`).not.toBe('supported');
    // every judged claim carries its controls, the difference and the declared minimum effect
    for (const id of ['C3', 'C4', 'C5'] as const) {
      const c = results.claims[id];
      expect(c.controls.length, id).toBeGreaterThan(0);
      expect(c.difference, id).not.toBeNull();
      expect(c.minimumEffect, id).toBeGreaterThan(0);
      expect(c.perSeed, id).toHaveLength(6);
    }
  }, 600_000);

  it('on Gaussian-smoothed stationary random fields no claim about learning is supported, and --eps reaches the finite measure', async () => {
    const { results, config } = await runOn('fields', fields(RandomSource.fromSeed(2)), ['--eps', '0.4']);
    for (const id of ClaimIds) expect(results.claims[id].verdict, `${id}: ${results.claims[id].reason ?? ''}`).not.toBe('supported');
    expect(config.config.finiteEps).toBe(0.4);
    expect(config.config.eps).toBe(0.4);
    expect(results.claims.C3.sensitivity!.some((r) => r.primary && r.choice.startsWith('ε = 0.4'))).toBe(true);
  }, 600_000);

  it('a network that learns nothing (learning rate 1e-12) on the shapes world, which has structure to learn, supports no claim', async () => {
    const out = join(root, 'no-learning');
    const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
    const code = await main(['node', 'orbitscope', 'run', '--quick', '--quiet', '--lr', '1e-12', '--layers', '12,6', '--epochs', '4', '--seeds', '6', '--groups', 'p4m,so2', '--out', out], io);
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    const results = ResultsSchema.parse(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
    for (const id of ClaimIds) expect(results.claims[id].verdict, `${id}: ${results.claims[id].reason ?? ''}`).not.toBe('supported');
  }, 600_000);
});
