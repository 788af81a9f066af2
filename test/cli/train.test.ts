import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/program.js';
import { encodeNpy } from '../../src/data/npy.js';
import { RandomSource } from '../../src/core/index.js';
import { loadModel } from '../../src/nn/index.js';

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

const run = async (args: string[]) => {
  const io = capture();
  const code = await main(['node', 'orbitscope', 'train', ...args], io);
  return { code, ...io };
};

describe('orbitscope train', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbitscope-cli-train-'));
  const rng = RandomSource.fromSeed(2);
  const file = join(dir, 'x.npy');
  writeFileSync(file, encodeNpy(Float32Array.from({ length: 120 * 3 * 3 }, () => (rng.float() < 0.4 ? 1 : 0)), [120, 3, 3]));

  it('orbitscope train --data npy:FILE trains, logs each epoch, writes the model and prints a JSON summary', async () => {
    const out = join(dir, 'run');
    const r = await run(['--data', `npy:${file}`, '--layers', '5,2', '--epochs', '2', '--batch', '10', '--out', out, '--json', '--threads', '1']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.layers).toEqual([9, 5, 2]);
    expect(r.stderr).toMatch(/layer 1\/2 epoch 1\/2: loss [\d.]+, \d+ samples\/s/);
    expect(r.stderr.trim().split('\n')).toHaveLength(4);
    expect(loadModel(out).layers.map((l) => l.weights.shape)).toEqual([[5, 9], [2, 5]]);
    expect(existsSync(join(out, 'encoder.onnx'))).toBe(true);
  });

  it('orbitscope train --quiet prints no progress; --model rbm --persistent trains an RBM', async () => {
    const r = await run(['--data', `npy:${file}`, '--model', 'rbm', '--persistent', '--layers', '4', '--epochs', '1', '--batch', '10', '--out', join(dir, 'rbm'), '--quiet', '--threads', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^trained rbm 9-4 into /);
  });

  it('orbitscope train rejects a negative rate, an unknown dataset and a bce loss with a linear decoder', async () => {
    expect((await run(['--lr', '-0.1'])).stderr).toMatch(/orbitscope train: .*--lr.*expected a positive number, got -0.1/);
    const unknown = await run(['--data', 'cifar']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('orbitscope train: data spec "cifar": unknown dataset "cifar"; expected one of shapes, mnist, idx, natural, npy');
    const bad = await run(['--data', `npy:${file}`, '--decoder', 'linear', '--loss', 'bce', '--out', join(dir, 'bad'), '--quiet']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('orbitscope train: --loss bce: needs --decoder sigmoid (got linear)');
  });

  it('orbitscope train --help documents every option', async () => {
    const io = capture();
    await main(['node', 'orbitscope', 'train', '--help'], io);
    for (const flag of ['--data', '--model', '--layers', '--epochs', '--batch', '--lr', '--seed', '--out', '--quiet', '--noise', '--sparsity', '--persistent', '--cd-k', '--fine-tune-epochs', '--snapshots-per-decade']) expect(io.stdout).toContain(flag);
    rmSync(dir, { recursive: true, force: true });
  });
});
