import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/program.js';
import { RandomSource } from '../../src/core/index.js';
import { encodeNpy } from '../../src/data/npy.js';
import { trainStack } from '../../src/nn/index.js';
import { readSnapshots } from '../../src/nn/runStore.js';

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

async function run(argv: string[]) {
  const io = capture();
  const code = await main(['node', 'orbitscope', ...argv], io);
  return { code, ...io };
}

const side = 8;
const count = 64;
let dir = '';
let modelDir = '';
let dataFile = '';

/** Smooth 8 x 8 images in [0, 1]: one Gaussian blob (sd 1.5 px) at a seeded place. */
function blobs(seed: number): Float32Array {
  const rng = RandomSource.fromSeed(seed);
  const x = new Float32Array(count * side * side);
  for (let i = 0; i < count; i++) {
    const cu = 2 + 3 * rng.float();
    const cv = 2 + 3 * rng.float();
    for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) x[i * side * side + r * side + c] = Math.exp(-((c - cu) ** 2 + (r - cv) ** 2) / (2 * 1.5 ** 2));
  }
  return x;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orbitscope-analyze-'));
  modelDir = join(dir, 'model');
  dataFile = join(dir, 'blobs.npy');
  const data = blobs(7);
  writeFileSync(dataFile, encodeNpy(data, [count, side, side]));
  await trainStack({ data, dim: side * side, layers: [side * side, 6, 3], epochs: 3, batch: 16, seed: 1, runDir: modelDir, snapshots: { perDecade: 2, everyEpoch: true } });
}, 60_000);

describe('orbitscope analyze', () => {
  it('analyze --snapshots last writes every layer and unit with orbit numbers and complexity, and prints a table', async () => {
    const out = join(dir, 'last.json');
    const r = await run(['analyze', '--model', modelDir, '--group', 'so2,p4m', '--out', out]);
    expect(r.stderr).toMatch(/wrote/);
    expect(r.code).toBe(0);
    const a = JSON.parse(readFileSync(out, 'utf8'));
    expect([a.format, a.source, a.height, a.width]).toEqual(['orbitscope-analysis', 'model', 8, 8]);
    expect(a.layers.map((l: { units: number }) => l.units)).toEqual([6, 3]);
    const f = a.layers[0].snapshots[0].features[0];
    expect(f.orbits.so2.dim).toBe(1);
    expect(f.orbits.p4m.groupOrder).toBe('512');
    // orbit-stabilizer: |orbit| x |stabilizer| = |G| for every feature
    for (const L of a.layers) for (const g of L.snapshots[0].features) expect(BigInt(g.orbits.p4m.orbitSize) * BigInt(g.orbits.p4m.stabilizerOrder)).toBe(512n);
    expect(f.complexity.components).toBeGreaterThanOrEqual(1);
    expect(a.layers[0].emergence).toBeNull();
    expect(r.stdout.split('\n')[0]).toMatch(/layer\s+step\s+epoch\s+units\s+bytes\s+so2\s+p4m/);
  });

  it('analyze --snapshots all covers every snapshot of each layer and gives each unit an emergence snapshot whose cosine run holds', async () => {
    const out = join(dir, 'all.json');
    const r = await run(['analyze', '--model', modelDir, '--group', 'se2', '--snapshots', 'all', '--eps', '0.3', '--samples', '16', '--out', out]);
    expect(r.code).toBe(0);
    const a = JSON.parse(readFileSync(out, 'utf8'));
    const snaps = readSnapshots(join(modelDir, 'snapshots')).filter((s) => s.layer === 0);
    expect(a.layers[0].snapshots.map((s: { step: number }) => s.step)).toEqual(snaps.map((s) => s.step));
    const last = a.layers[0].snapshots.at(-1).features[0].orbits.se2;
    expect(last.samples).toBe(16);
    expect(Number.isInteger(last.epsStabilizerMeasure * 16)).toBe(true); // a fraction of the 16 sampled elements
    expect(last.epsOrbitSize).toBeGreaterThanOrEqual(1);
    expect(a.layers[0].snapshots[0].features[0].orbits.se2.epsStabilizerMeasure).toBeUndefined(); // eps at the last snapshot only
    const W = snaps.map((s) => s.weights.W);
    const n = side * side;
    for (const e of a.layers[0].emergence) {
      const final = W.at(-1)!.subarray(e.unit * n, (e.unit + 1) * n);
      const cos = W.map((w) => {
        const x = w.subarray(e.unit * n, (e.unit + 1) * n);
        let ab = 0, aa = 0, bb = 0;
        for (let i = 0; i < n; i++) [ab, aa, bb] = [ab + x[i] * final[i], aa + x[i] ** 2, bb + final[i] ** 2];
        return ab / Math.sqrt(aa * bb);
      });
      expect(cos.slice(e.snapshot).every((c) => c >= 0.9)).toBe(true);
      if (e.snapshot > 0) expect(cos[e.snapshot - 1]).toBeLessThan(0.9);
      expect(e.step).toBe(snaps[e.snapshot].step);
    }
  });

  it('analyze exits 2 naming the input for a missing model, an unknown group and a wrong image size', async () => {
    const out = join(dir, 'bad.json');
    let r = await run(['analyze', '--model', join(dir, 'nope'), '--out', out]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/orbitscope analyze: --model: .*nope does not exist/)]);
    r = await run(['analyze', '--model', modelDir, '--group', 'so2,so3', '--out', out]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/--group: unknown group "so3"/)]);
    r = await run(['analyze', '--model', modelDir, '--height', '7', '--out', out]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/--height: 7 does not divide the model's 64 inputs/)]);
  });

  it('analyze reads an .onnx file (the encoder.onnx of the model) with the same first-layer orbit numbers as the model directory', async () => {
    const a = join(dir, 'onnx.json');
    const b = join(dir, 'dir.json');
    const r = await run(['analyze', '--model', join(modelDir, 'encoder.onnx'), '--group', 'p4m,so2', '--data', `npy:${dataFile}`, '--out', a]);
    expect(r.stderr).toContain('wrote');
    expect((await run(['analyze', '--model', modelDir, '--group', 'p4m,so2', '--out', b])).code).toBe(0);
    const x = JSON.parse(readFileSync(a, 'utf8'));
    const y = JSON.parse(readFileSync(b, 'utf8'));
    expect(x.source).toBe('onnx');
    expect(x.layers).toHaveLength(y.layers.length);
    const first = x.layers[0];
    expect(first.viewLabels[0]).toBe('linear composite');
    y.layers[0].snapshots[0].features.forEach((f: { orbits: Record<string, Record<string, unknown>> }, u: number) => {
      const o = first.features[u].views['linear composite'].orbits;
      expect(o.p4m.orbitSize).toBe(f.orbits.p4m.orbitSize);
      expect(o.so2.orbitDim).toBe(f.orbits.so2.orbitDim);
    });
  });
});

describe('orbitscope shadow', () => {
  it('shadow --family perm writes the trained and untrained fits and the residual summaries, and prints them', async () => {
    const out = join(dir, 'perm.json');
    const r = await run(['shadow', '--model', modelDir, '--data', `npy:${dataFile}`, '--family', 'perm', '--count', '32', '--out', out]);
    expect(r.stderr).toMatch(/wrote/);
    expect(r.code).toBe(0);
    const s = JSON.parse(readFileSync(out, 'utf8'));
    expect([s.format, s.family, s.layer, s.count, s.dim]).toEqual(['orbitscope-shadow', 'perm', 1, 32, 64]);
    expect(s.trained.element).toHaveLength(64);
    expect([...s.trained.element].sort((p: number, q: number) => p - q)).toEqual(Array.from({ length: 64 }, (_, i) => i + 1)); // 1-based, as `group`
    expect(s.trained.error).toBeCloseTo(s.trained.sumSquaredError / s.trained.sumSquaredInput, 12);
    expect(s.untrained.error).toBeGreaterThan(0);
    expect(s.residuals.trained.count).toBe(32);
    expect(s.residuals.untrained.count).toBe(32);
    expect(s.residuals.medianRatio).toBeCloseTo(s.residuals.trained.median / s.residuals.untrained.median, 12);
    expect(r.stdout).toMatch(/perm shadow of layer 1 on 32 inputs/);
    expect(r.stdout).toMatch(/trained/);
  });

  it('shadow --family se2 reports the element as parameters and a 3x3 matrix; layer 2 takes gl on the codes', async () => {
    const out = join(dir, 'se2.json');
    const r = await run(['shadow', '--model', modelDir, '--data', `npy:${dataFile}`, '--family', 'se2', '--count', '16', '--out', out]);
    expect(r.code).toBe(0);
    const s = JSON.parse(readFileSync(out, 'utf8'));
    expect(s.trained.paramNames).toEqual(['theta', 'tx', 'ty']);
    expect(s.trained.element).toHaveLength(9);
    expect(s.trained.error).toBeLessThanOrEqual(s.trained.gridError);
    expect(r.stdout).toMatch(/se2 element: theta = /);
    const out2 = join(dir, 'gl2.json');
    const r2 = await run(['shadow', '--model', modelDir, '--data', `npy:${dataFile}`, '--family', 'gl', '--layer', '2', '--count', '16', '--out', out2]);
    expect(r2.code).toBe(0);
    const s2 = JSON.parse(readFileSync(out2, 'utf8'));
    expect([s2.dim, s2.trained.element.length]).toEqual([6, 36]);
  });

  it('shadow exits 2 naming the input for a missing model, an unknown family, data of the wrong size and an image family above layer 1', async () => {
    const out = join(dir, 'bad.json');
    const small = join(dir, 'small.npy');
    writeFileSync(small, encodeNpy(new Float32Array(4 * 36).fill(0.5), [4, 6, 6]));
    const cases: [string[], RegExp][] = [
      [['--model', join(dir, 'nope'), '--data', `npy:${dataFile}`, '--family', 'gl'], /--model: .*nope does not exist/],
      [['--model', modelDir, '--data', `npy:${dataFile}`, '--family', 'so3'], /--family: unknown family "so3"/],
      [['--model', modelDir, '--data', `npy:${small}`, '--family', 'gl'], /--data: .* has 6 x 6 images but the model takes 64 inputs/],
      [['--model', modelDir, '--data', `npy:${dataFile}`, '--family', 'p4m', '--layer', '2'], /--family: p4m acts on images, so it needs layer 1/],
    ];
    for (const [args, msg] of cases) {
      const r = await run(['shadow', ...args, '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^orbitscope shadow: /);
      expect(r.stderr).toMatch(msg);
    }
  });
});
