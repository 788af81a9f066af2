import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/core/index.js';
import { registryDir } from '../../src/engine/machineLoad.js';
import { trainStack } from '../../src/nn/trainStack.js';

// Sessions stop spinning while the machine is loaded (engine/spinning): training must give the
// same bits either way. The thread count, in contrast, changes the last bits at this shape
// (ONNX Runtime splits GEMMs by thread count), which is why the threads never follow the load.
describe('training, threads and spinning', () => {
  const data = new Float32Array(256 * 784);
  RandomSource.fromSeed(3).fillUniform(data, 0, 1);
  const hash = (w: Float32Array) => createHash('sha1').update(new Uint8Array(w.buffer, w.byteOffset, w.byteLength)).digest('hex');
  const train = async (model: 'ae' | 'rbm', threads: number) =>
    hash((await trainStack({ data, dim: 784, layers: [784, 128], model, epochs: 1, batch: 32, snapshots: false, threads, seed: 5 })).layers[0].weights.W as Float32Array);
  const saved = { tmp: process.env.TMPDIR, fixed: process.env.ORBITSCOPE_FIXED_SPINNING };
  afterEach(() => {
    for (const [k, v] of [['TMPDIR', saved.tmp], ['ORBITSCOPE_FIXED_SPINNING', saved.fixed]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  for (const model of ['ae', 'rbm'] as const) {
    it(`trainStack(${model}) gives the same weights with spinning and with blocking workers, and other weights with other thread counts`, async () => {
      process.env.ORBITSCOPE_FIXED_SPINNING = '1';
      const spinning = await train(model, 2);
      const oneThread = await train(model, 1);
      // an active second process in a private registry: the training graphs block instead of spinning
      const tmp = mkdtempSync(join(tmpdir(), 'orbitscope-threads-'));
      try {
        process.env.TMPDIR = tmp;
        delete process.env.ORBITSCOPE_FIXED_SPINNING;
        mkdirSync(registryDir(), { recursive: true });
        writeFileSync(join(registryDir(), '999999992'), '');
        const blocking = await train(model, 2);
        expect(blocking).toBe(spinning);
        expect(oneThread).not.toBe(spinning);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    });
  }
});
