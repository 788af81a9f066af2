import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/program.js';
import { RandomSource } from '../../src/core/index.js';
import { encodeNpy } from '../../src/data/npy.js';
import { encodeSafetensors, loadModel } from '../../src/nn/index.js';

async function run(argv: string[]) {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) } as Io & { stdout: string; stderr: string };
  const code = await main(['node', 'orbitscope', ...argv], io);
  return { code, ...io };
}

const normal = (n: number, seed: number) => RandomSource.fromSeed(seed).fillNormal(new Float32Array(n));

describe('orbitscope import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbitscope-import-'));
  const W0 = normal(4 * 64, 1);
  const b0 = normal(4, 2);
  const W1 = normal(3 * 4, 3);
  const W10 = normal(2 * 3, 4);
  const st = join(dir, 'net.safetensors');
  // a PyTorch state dict of Sequential(Linear(64, 4), ReLU, Linear(4, 3), ..., Linear(3, 2) at index 10)
  writeFileSync(st, encodeSafetensors({ '0.weight': { dtype: 'F32', shape: [4, 64], data: W0 }, '0.bias': { dtype: 'F32', shape: [4], data: b0 }, '10.weight': { dtype: 'F32', shape: [2, 3], data: W10 }, '2.weight': { dtype: 'F32', shape: [3, 4], data: W1 } }));

  it('import --weights FILE.safetensors takes every weight matrix in natural order with its bias and writes a model that analyze reads', async () => {
    const out = join(dir, 'model');
    const r = await run(['import', '--weights', st, '--activation', 'relu', '--out', out]);
    expect(r.stderr).toContain('wrote');
    expect(r.code).toBe(0);
    const m = loadModel(out);
    expect(m.kind).toBe('imported');
    expect(m.layers.map((l) => l.weights.shape)).toEqual([[4, 64], [3, 4], [2, 3]]);
    expect(Array.from(m.layers[0].weights.W)).toEqual(Array.from(W0));
    expect(Array.from(m.layers[0].weights.b)).toEqual(Array.from(b0));
    expect(Array.from(m.layers[1].weights.b)).toEqual([0, 0, 0]);
    expect(m.layers.every((l) => l.activation === 'relu')).toBe(true);
    const a = await run(['analyze', '--model', out, '--group', 'p4m', '--out', join(dir, 'a.json')]);
    expect(a.code).toBe(0);
    expect(a.stdout.split('\n').filter((l) => /^\s+\d/.test(l))).toHaveLength(3);
  });

  it('import --weights a.npy --bias b.npy --transpose reads [d, h] matrices', async () => {
    const wT = new Float32Array(64 * 4);
    for (let i = 0; i < 64; i++) for (let u = 0; u < 4; u++) wT[i * 4 + u] = W0[u * 64 + i];
    writeFileSync(join(dir, 'w.npy'), encodeNpy(wT, [64, 4]));
    writeFileSync(join(dir, 'b.npy'), encodeNpy(b0, [4]));
    const out = join(dir, 'model2');
    expect((await run(['import', '--weights', join(dir, 'w.npy'), '--bias', join(dir, 'b.npy'), '--transpose', '--activation', 'tanh', '--out', out])).code).toBe(0);
    expect(Array.from(loadModel(out).layers[0].weights.W)).toEqual(Array.from(W0));
  });

  it('import refuses mismatched biases, unknown activations and missing tensors with one line and exit 2', async () => {
    const out = join(dir, 'bad');
    for (const [args, message] of [
      [['--weights', st, '--bias', join(dir, 'b.npy')], /--bias: 1 biases for 3 layers/],
      [['--weights', st, '--activation', 'softmax'], /--activation: unknown activation "softmax"/],
      [['--weights', `${st}:nope`], /has no tensor "nope"/],
      [['--weights', join(dir, 'missing.npy')], /missing.npy does not exist/],
    ] as const) {
      const r = await run(['import', ...args, '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});
