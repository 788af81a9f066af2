import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeNpy } from '../../src/data/npy.js';
import { RandomSource } from '../../src/core/random.js';
import { firstErrorLine, orbitscope, oneErrorLine } from './bin.js';

const SLOW = { timeout: 240_000 };

describe('orbitscope train limits and defaults (through bin/orbitscope.mjs)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbitscope-train-defaults-'));
  const rng = RandomSource.fromSeed(4);
  const npy = join(dir, 'x.npy');
  writeFileSync(npy, encodeNpy(Float32Array.from({ length: 400 * 36 }, () => (rng.float() < 0.3 ? 1 : 0)), [400, 6, 6]));

  it('train --lr 1e30 stops with a divergence message and exit 2 instead of training to loss 3e30', SLOW, async () => {
    const r = await orbitscope(['train', '--data', `npy:${npy}`, '--layers', '8', '--epochs', '3', '--lr', '1e30', '--quiet', '--out', join(dir, 'lr')]);
    expect(r.code).toBe(2);
    expect(oneErrorLine(r, 'train')).toBe(true);
    expect(r.stderr).toMatch(/training diverged: the loss grew to [\d.e+]+, over 10000 times its first value/);
    expect(r.stderr).toContain('try a smaller learning rate');
  });

  it('train --model rbm refuses autoencoder-only options and --model ae refuses RBM-only ones', SLOW, async () => {
    const a = await orbitscope(['train', '--model', 'rbm', '--encoder', 'relu']);
    expect(a.code).toBe(2);
    expect(a.stderr.trim()).toBe('orbitscope train: --encoder: applies to autoencoders (--model ae) only, not to --model rbm');
    const b = await orbitscope(['train', '--cd-k', '3', '--persistent']);
    expect(b.code).toBe(2);
    expect(b.stderr.trim()).toBe('orbitscope train: --cd-k, --persistent: apply to RBMs (--model rbm) only, not to --model ae');
  });

  it('train --layers 1000000 warns about the size it will write before training', SLOW, async () => {
    const stderr = await firstErrorLine(['train', '--data', `npy:${npy}`, '--layers', '1000000', '--quiet', '--out', join(dir, 'huge')]);
    expect(stderr).toMatch(/^warning: this run will write about [\d.]+ GiB into .*huge/);
  });

  it('train with no training options trains what run trains: the same optimiser, rate, sparsity, decay, loss and batch', SLOW, async () => {
    const trainDir = join(dir, 'train');
    const runDir = join(dir, 'run');
    const [t, r] = await Promise.all([
      orbitscope(['train', '--data', `npy:${npy}`, '--layers', '5', '--epochs', '1', '--quiet', '--out', trainDir]),
      orbitscope(['run', '--data', `npy:${npy}`, '--layers', '5', '--epochs', '1', '--seeds', '1', '--groups', 'p4m', '--quiet', '--out', runDir]),
    ]);
    expect([t.code, t.stderr]).toEqual([0, '']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const pick = (path: string) => {
      const c = (JSON.parse(readFileSync(path, 'utf8')) as { config: Record<string, unknown> }).config;
      return { layers: c.layers, batch: c.batch, lr: c.lr, ae: c.ae, snapshotsEveryEpoch: (c.snapshots as { everyEpoch: boolean }).everyEpoch };
    };
    const fromTrain = pick(join(trainDir, 'config.json'));
    const fromRun = pick(join(runDir, 'checkpoints', 'seed-0', 'config.json'));
    expect(fromTrain).toEqual(fromRun);
    expect(fromTrain.ae).toMatchObject({ optimizer: 'adam', sparsityWeight: 3, weightDecay: 0.001, loss: 'bce', decoder: 'sigmoid' });
    expect(fromTrain.lr).toBe(0.01);
    expect(existsSync(join(trainDir, 'model.json'))).toBe(true);
  });
});
