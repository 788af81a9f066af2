import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeNpy } from '../../src/data/npy.js';
import { RandomSource } from '../../src/core/random.js';
import { analysisTable } from '../../src/cli/commands/analyze.js';
import type { ModelAnalysis } from '../../src/analysis/analyzeModel.js';
import { orbitscope, oneErrorLine } from './bin.js';

const SLOW = { timeout: 240_000 };
let dir = '';
let model = '';
let runDir = '';
let data16 = '';
let few16 = '';
let smooth16 = '';

/** 16 x 16 images of seeded uniform noise in [0, 1] (they span every direction). */
function noise(count: number, seed: number): Float32Array {
  const rng = RandomSource.fromSeed(seed);
  return Float32Array.from({ length: count * 256 }, () => rng.float());
}

/** Smooth 16 x 16 images in [0, 1]: one Gaussian blob each, at a seeded place (they span few directions). */
function blobs(count: number, seed: number): Float32Array {
  const rng = RandomSource.fromSeed(seed);
  const side = 16;
  const x = new Float32Array(count * side * side);
  for (let i = 0; i < count; i++) {
    const cu = 4 + 8 * rng.float();
    const cv = 4 + 8 * rng.float();
    for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) x[i * side * side + r * side + c] = Math.exp(-((c - cu) ** 2 + (r - cv) ** 2) / 8);
  }
  return x;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orbitscope-consistency-'));
  data16 = join(dir, 'blobs.npy');
  writeFileSync(data16, encodeNpy(noise(600, 3), [600, 16, 16]));
  few16 = join(dir, 'few.npy');
  writeFileSync(few16, encodeNpy(noise(100, 4), [100, 16, 16]));
  smooth16 = join(dir, 'smooth.npy');
  writeFileSync(smooth16, encodeNpy(blobs(600, 5), [600, 16, 16]));
  model = join(dir, 'model');
  runDir = join(dir, 'run');
  const [t, r] = await Promise.all([
    orbitscope(['train', '--data', `npy:${data16}`, '--layers', '4', '--epochs', '1', '--batch', '50', '--quiet', '--out', model]),
    orbitscope(['run', '--quick', '--quiet', '--out', runDir]),
  ]);
  expect([t.code, t.stderr]).toEqual([0, '']);
  expect([r.code, r.stderr]).toEqual([0, '']);
}, 240_000);

describe('orbitscope analyze and shadow (through bin/orbitscope.mjs)', () => {
  it('analyze --json prints the analysis on stdout with no --out; progress goes to stderr one line per layer', SLOW, async () => {
    const r = await orbitscope(['analyze', '--model', model, '--group', 'so2,p4m', '--json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.format).toBe('orbitscope-analysis');
    expect(a.layers[0].units).toBe(4);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^layer 1\/1: 4 units: 2 group analyses in [\d.]+ s$/)]);
  });

  it('analyze --model <run directory> analyses every seed, or the one --seed names', SLOW, async () => {
    const all = await orbitscope(['analyze', '--model', runDir, '--group', 'so2', '--json', '--quiet']);
    expect(all.code).toBe(0);
    const doc = JSON.parse(all.stdout);
    expect(doc.format).toBe('orbitscope-run-analysis');
    expect(doc.seeds.map((s: { seed: number }) => s.seed)).toEqual([0, 1]);
    const one = await orbitscope(['analyze', '--model', runDir, '--seed', '1', '--group', 'so2', '--snapshots', 'all', '--quiet']);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^seed 1\n\s*layer\s+step/);
    const bad = await orbitscope(['analyze', '--model', runDir, '--seed', '7', '--quiet']);
    expect(bad.code).toBe(2);
    expect(oneErrorLine(bad, 'analyze')).toBe(true);
    expect(bad.stderr).toContain('--seed: 7 is not a finished seed');
  });

  it('shadow --json prints the fit on stdout; perm elements are 1-based like group, in JSON and in the text', SLOW, async () => {
    const r = await orbitscope(['shadow', '--model', model, '--data', `npy:${data16}`, '--family', 'perm', '--count', '40', '--json', '--quiet']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect([...s.trained.element].sort((a: number, b: number) => a - b)).toEqual(Array.from({ length: 256 }, (_, i) => i + 1));
    const t = await orbitscope(['shadow', '--model', model, '--data', `npy:${data16}`, '--family', 'perm', '--count', '40']);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/perm element \(1-based cycles\): (\(\)|\((\d+,)+\d+\))/);
    expect(t.stdout).not.toMatch(/\(0,|,0[,)]/);
    expect(t.stderr).toMatch(/^perm shadow of layer 1 on 40 inputs: 2 fits in [\d.]+ s$/m);
  });

  it('shadow --family gl refuses an underdetermined fit and says how many inputs it needs', SLOW, async () => {
    const few = await orbitscope(['shadow', '--model', model, '--data', `npy:${data16}`, '--family', 'gl', '--count', '300', '--quiet']);
    expect(few.code).toBe(2);
    expect(oneErrorLine(few, 'shadow')).toBe(true);
    expect(few.stderr).toContain("--count: 300 inputs of dimension 256 leave the gl family's 256 x 256 matrix underdetermined");
    expect(few.stderr).toContain('it needs at least 512 inputs: ask for 512 or more');
    const small = await orbitscope(['shadow', '--model', model, '--data', `npy:${few16}`, '--family', 'gl', '--quiet']);
    expect(small.code).toBe(2);
    expect(small.stderr).toContain(`orbitscope shadow: --data: `);
    expect(small.stderr).toContain(`it needs at least 512 inputs, and npy:${few16} has 100`);
    // the default count grows to what gl needs
    const ok = await orbitscope(['shadow', '--model', model, '--data', `npy:${data16}`, '--family', 'gl', '--json', '--quiet']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).count).toBe(512);
    // smooth images span few directions: a clear message, not the solver's
    const smooth = await orbitscope(['shadow', '--model', model, '--data', `npy:${smooth16}`, '--family', 'gl', '--quiet']);
    expect(smooth.code).toBe(2);
    expect(oneErrorLine(smooth, 'shadow')).toBe(true);
    expect(smooth.stderr).toMatch(/--data: the 512 inputs span too few of the 256 directions for a 256 x 256 fit of the gl family/);
    expect(smooth.stderr).not.toMatch(/ridge|glShadow|X\^T X/);
  });

  it('--help marks the required options of analyze and shadow', async () => {
    const a = await orbitscope(['analyze', '--help']);
    expect(a.stdout).toMatch(/--model <path>[\s\S]*?\(required\)/);
    expect(a.stdout).not.toMatch(/--out <file>[^-]*\(required\)/);
    const s = await orbitscope(['shadow', '--help']);
    for (const flag of ['--model', '--data', '--family']) expect(s.stdout).toMatch(new RegExp(`${flag} <\\w+>[\\s\\S]*?\\(required\\)`));
  });
});

describe('analysisTable', () => {
  it('analysisTable prints a missing orbit dimension (null in JSON) as n/a, never as dim 0', () => {
    const feature = (orbitDim: number | null) => ({ unit: 0, orbits: { so2: { dim: 1, orbitDim, stabilizerDim: orbitDim === null ? null : 1 - orbitDim, singularValues: null } }, complexity: { compressedBytes: 10 } });
    const a = { groups: ['so2'], layers: [{ layer: 1, units: 3, snapshots: [{ step: null, epoch: null, features: [feature(null), feature(null), feature(null)] }] }, { layer: 2, units: 3, snapshots: [{ step: null, epoch: null, features: [feature(1), feature(null), feature(1)] }] }] } as unknown as ModelAnalysis;
    const [, l1, l2] = analysisTable(a).split('\n');
    expect(l1).toMatch(/ n\/a \(no value\)$/);
    expect(l1).not.toMatch(/dim 0/);
    expect(l2).toMatch(/dim 1 \(1 n\/a\)$/);
  });
});
