import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RandomSource } from '../../src/core/index.js';
import { trainStack, type TrainedStack } from '../../src/nn/trainStack.js';
import { readCheckpoint } from '../../src/nn/checkpoint.js';
import type { TrainStackOptions } from '../../src/nn/stackOptions.js';

/** 240 binary-ish 4x4 images: a random horizontal or vertical bar plus a little noise. */
function bars(n = 240, seed = 1): Float32Array {
  const rng = RandomSource.fromSeed(seed);
  const x = new Float32Array(n * 16);
  for (let s = 0; s < n; s++) {
    const k = rng.int(4);
    const horizontal = rng.float() < 0.5;
    for (let i = 0; i < 4; i++) x[s * 16 + (horizontal ? k * 4 + i : i * 4 + k)] = 1;
    for (let p = 0; p < 16; p++) if (rng.float() < 0.05) x[s * 16 + p] = 0.5;
  }
  return x;
}

const tmp = () => mkdtempSync(join(tmpdir(), 'orbitscope-nn-'));

function sameBits(a: TrainedStack, b: TrainedStack): void {
  const all = (s: TrainedStack) => [...s.layers, ...(s.fineTuned ?? [])];
  expect(all(a).length).toBe(all(b).length);
  all(a).forEach((l, i) => {
    const m = all(b)[i];
    for (const k of ['W', 'b', 'c', 'V'] as const) {
      const x = l.weights[k];
      const y = m.weights[k];
      expect(x === undefined).toBe(y === undefined);
      if (x && y) expect(Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(Buffer.from(y.buffer, y.byteOffset, y.byteLength))).toBe(true);
    }
  });
}

const configs: [string, Partial<TrainStackOptions>][] = [
  ['a denoising tied autoencoder stack with fine-tuning', { model: 'ae', ae: { noise: 'mask', noiseLevel: 0.2, momentum: 0.9 }, fineTune: { epochs: 2 } }],
  ['an untied Adam autoencoder with sparsity and decay', { model: 'ae', ae: { tied: false, optimizer: 'adam', sparsityWeight: 0.1, weightDecay: 0.001 }, lr: 0.01 }],
  ['a persistent-CD RBM stack', { model: 'rbm', rbm: { persistent: true, k: 2 }, heldOut: bars(40, 9) }],
];

describe('trainStack reproducibility and resume', () => {
  configs.forEach(([name, over]) => {
    const base = (): TrainStackOptions => ({ data: bars(), dim: 16, layers: [16, 8, 4], epochs: 3, batch: 10, seed: 42, stepsPerRun: 4, threads: 1, ...over });

    it(`trainStack(${name}) gives the same weights bit for bit for the same seed, and different ones for another`, async () => {
      const a = await trainStack(base());
      const b = await trainStack(base());
      sameBits(a, b);
      const c = await trainStack({ ...base(), seed: 43 });
      expect(Array.from(c.layers[0].weights.W)).not.toEqual(Array.from(a.layers[0].weights.W));
    });

    it(`trainStack(${name}) gives the same weights bit for bit for stepsPerRun 1, 4 and 16, with snapshots splitting the groups`, async () => {
      // 24 steps per epoch: groups of 16 end in pieces of 8; log-spaced snapshots cut groups into 1, 2, 3, ... steps
      const snapshots = { perDecade: 5, everyEpoch: true };
      const [one, four, sixteen] = await Promise.all([1, 4, 16].map((stepsPerRun) => trainStack({ ...base(), stepsPerRun, snapshots })));
      sameBits(four, one);
      sameBits(sixteen, one);
      expect(sixteen.snapshots.map((s) => s.loss)).toEqual(one.snapshots.map((s) => s.loss));
    });

    it(`trainStack(${name}) stopped after a checkpoint and started again ends with the uninterrupted weights`, async () => {
      let total = 0;
      const straight = await trainStack({ ...base(), checkpointEverySteps: 5, runDir: tmp(), onCheckpoint: () => void total++ });
      rmSync(straight.runDir!, { recursive: true, force: true });
      // stop early in layer 1, in the middle of the run, and at the last checkpoint (fine-tuning or the top layer)
      for (const stopAt of [2, Math.round(total / 2), total]) {
        const dir = tmp();
        let n = 0;
        const stopper = () => {
          if (++n === stopAt) throw new Error('simulated kill');
        };
        await expect(trainStack({ ...base(), runDir: dir, checkpointEverySteps: 5, onCheckpoint: stopper })).rejects.toThrow('simulated kill');
        expect(existsSync(join(dir, 'checkpoint.safetensors'))).toBe(true);
        const resumed = await trainStack({ ...base(), runDir: dir, checkpointEverySteps: 5 });
        sameBits(resumed, straight);
        expect(resumed.snapshots.map((s) => [s.layer, s.step])).toEqual(straight.snapshots.map((s) => [s.layer, s.step]));
        rmSync(dir, { recursive: true, force: true });
      }
      expect(total).toBeGreaterThan(20);
    });
  });

  it('trainStack(same options, finished run directory) returns the saved model without training', async () => {
    const dir = tmp();
    const opts: TrainStackOptions = { data: bars(), dim: 16, layers: [16, 6], epochs: 1, batch: 10, threads: 1, runDir: dir };
    const a = await trainStack(opts);
    let progress = 0;
    const b = await trainStack({ ...opts, onProgress: () => progress++ });
    expect(progress).toBe(0);
    sameBits(a, b);
    expect(b.snapshots.length).toBe(a.snapshots.length);
    await expect(trainStack({ ...opts, seed: 5 })).rejects.toThrow(/holds a different run/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('trainStack snapshots', () => {
  it('trainStack takes log-spaced snapshots from step 0 and one at the end of every epoch', async () => {
    const r = await trainStack({ data: bars(), dim: 16, layers: [16, 8], epochs: 3, batch: 10, threads: 1, snapshots: { perDecade: 4 } });
    // 24 steps per epoch, 72 in all: 0, 1, 2, 3, 6, 10, 18, 32, 56 (log) and 24, 48, 72 (epochs)
    expect(r.snapshots.map((s) => s.step)).toEqual([0, 1, 2, 3, 6, 10, 18, 24, 32, 48, 56, 72]);
    expect(r.snapshots.find((s) => s.step === 24)!.reason).toBe('epoch');
    expect(r.snapshots[r.snapshots.length - 1].weights.W).toEqual(r.layers[0].weights.W);
    expect(r.snapshots[0].epoch).toBe(0);
  });
});

describe('trainStack bad input', () => {
  const data = bars();
  it('trainStack rejects layer sizes that do not match the data', async () => {
    await expect(trainStack({ data, dim: 16, layers: [15, 4] })).rejects.toThrow(/layers\[0\] = 15 does not match the data's 16 values/);
  });
  it('trainStack rejects an empty dataset', async () => {
    await expect(trainStack({ data: new Float32Array(0), dim: 16, layers: [16, 4] })).rejects.toThrow(/dataset is empty/);
  });
  it('trainStack rejects a negative learning rate and unknown options', async () => {
    await expect(trainStack({ data, dim: 16, layers: [16, 4], lr: -0.1 })).rejects.toThrow(/trainStack: lr: /);
    await expect(trainStack({ data, dim: 16, layers: [16, 4], ae: { lossy: 1 } } as unknown as TrainStackOptions)).rejects.toThrow(/unknown key "lossy" in ae/);
  });
  it('trainStack rejects data outside [0, 1] for cross-entropy, and NaN in the data', async () => {
    await expect(trainStack({ data: data.map((v) => v * 3), dim: 16, layers: [16, 4] })).rejects.toThrow(/binary cross-entropy needs data in \[0, 1\]/);
    const bad = data.slice();
    bad[17] = NaN;
    await expect(trainStack({ data: bad, dim: 16, layers: [16, 4] })).rejects.toThrow(/non-finite value \(NaN\) at sample 1, index 1/);
  });
  it('trainStack stops when the loss becomes NaN or grows 10^4-fold, naming epoch and step, and keeps the last good checkpoint', async () => {
    const dir = tmp();
    const big = data.map((v) => v * 50);
    const run = trainStack({ data: big, dim: 16, layers: [16, 4], model: 'ae', ae: { encoder: 'linear', decoder: 'linear', loss: 'mse', momentum: 0.9 }, lr: 0.05, epochs: 50, batch: 10, threads: 1, runDir: dir, checkpointEverySteps: 1 });
    await expect(run).rejects.toThrow(/training diverged: the loss (became (NaN|Infinity)|grew to [\d.e+]+, over 10000 times its first value [\d.e+]+,) at layer 1, epoch \d+, step \d+ of 24 .*last good checkpoint \(layer 1, epoch \d+, step \d+\) is kept/);
    const ck = readCheckpoint(dir)!;
    expect(ck.state.carried.W0.every((v) => Number.isFinite(v))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('trainStack model variants', () => {
  it('trainStack(Gaussian-Bernoulli RBM on standardised data) lowers its reconstruction error', async () => {
    const raw = bars(400, 4);
    const x = new Float32Array(raw.length);
    for (let i = 0; i < 16; i++) {
      let m = 0;
      let v = 0;
      for (let s = 0; s < 400; s++) m += raw[s * 16 + i] / 400;
      for (let s = 0; s < 400; s++) v += (raw[s * 16 + i] - m) ** 2 / 400;
      for (let s = 0; s < 400; s++) x[s * 16 + i] = (raw[s * 16 + i] - m) / Math.sqrt(v);
    }
    const r = await trainStack({ data: x, dim: 16, layers: [16, 12], model: 'rbm', rbm: { visible: 'gaussian' }, lr: 0.01, epochs: 8, batch: 10, threads: 1, snapshots: false });
    const h = r.layers[0].history;
    expect(h[h.length - 1].loss).toBeLessThan(0.8 * h[0].loss);
    expect(h[0].pseudoLikelihood).toBeUndefined();
    expect(r.layers[0].visibleKind).toBe('gaussian');
  });

  it('trainStack(RBM stack, fineTune) fine-tunes the unrolled autoencoder and its loss falls', async () => {
    const r = await trainStack({ data: bars(), dim: 16, layers: [16, 8, 4], model: 'rbm', epochs: 3, batch: 10, threads: 1, fineTune: { epochs: 6, lr: 0.05 } });
    const h = r.fineTuned![0].history;
    expect(h).toHaveLength(6);
    expect(h[5].loss).toBeLessThan(h[0].loss);
    expect(r.snapshots.some((s) => s.layer === -1 && s.stack?.length === 2)).toBe(true);
    // the greedy layers are kept apart from the fine-tuned ones
    expect(r.layers[0].weights.W).not.toEqual(r.fineTuned![0].weights.W);
  });
});
