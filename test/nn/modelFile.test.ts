import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RandomSource } from '../../src/core/index.js';
import { compile, float32 } from '../../src/engine/index.js';
import { encodeNpy } from '../../src/data/npy.js';
import { encodeSafetensors, exportEncoderOnnx, importStack, loadModel, parseSafetensors, readSnapshots, saveModel, trainStack } from '../../src/nn/index.js';

const rng = RandomSource.fromSeed(3);
const data = Float32Array.from({ length: 100 * 12 }, () => (rng.float() < 0.3 ? 1 : 0));

describe('model files', () => {
  it('saveModel then loadModel returns the same weights, activations and histories', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orbitscope-model-'));
    const r = await trainStack({ data, dim: 12, layers: [12, 6, 3], epochs: 2, batch: 10, threads: 1, ae: { tied: false, encoder: 'tanh', decoder: 'sigmoid' } });
    saveModel(dir, r);
    const m = loadModel(dir);
    expect(m.layers.length).toBe(2);
    m.layers.forEach((l, i) => {
      expect(l.weights.W).toEqual(r.layers[i].weights.W);
      expect(l.weights.V).toEqual(r.layers[i].weights.V);
      expect(l.weights.c).toEqual(r.layers[i].weights.c);
      expect(l.activation).toBe('tanh');
      expect(l.history).toEqual(r.layers[i].history);
    });
    rmSync(dir, { recursive: true, force: true });
  });

  it('exportEncoderOnnx gives a standalone model whose codes equal TrainedStack.encode', async () => {
    const r = await trainStack({ data, dim: 12, layers: [12, 6, 3], epochs: 1, batch: 10, threads: 1 });
    const s = await compile(exportEncoderOnnx(r), { threads: 1 });
    expect(s.inputNames).toEqual(['x']);
    const out = await s.run({ x: float32(data, [100, 12]) });
    expect(out.h2.dims).toEqual([100, 3]);
    expect(Array.from(out.h2.data as Float32Array)).toEqual(Array.from(await r.encode(data)));
  });

  it('snapshots in a run directory read back equal to the final weights at the last step', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orbitscope-snap-'));
    const r = await trainStack({ data, dim: 12, layers: [12, 5], epochs: 2, batch: 10, threads: 1, runDir: dir });
    const snaps = readSnapshots(join(dir, 'snapshots'));
    expect(snaps.map((s) => s.step)).toEqual([0, 1, 2, 3, 6, 10, 18, 20]);
    expect(snaps[snaps.length - 1].weights.W).toEqual(r.layers[0].weights.W);
    const meta = JSON.parse(readFileSync(join(dir, 'snapshots', 'layer0-step00000020.json'), 'utf8'));
    expect(meta.tensors.map((t: { name: string }) => t.name)).toEqual(['W', 'b', 'c']);
    expect(meta.reason).toBe('epoch');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('safetensors and weight import', () => {
  it('parseSafetensors reads F32, F64, F16 and I32 tensors written by hand per the format', () => {
    // header {"a":{"dtype":"F64","shape":[2],"data_offsets":[0,16]},"h":{"dtype":"F16","shape":[2],"data_offsets":[16,20]}}
    const header = JSON.stringify({ a: { dtype: 'F64', shape: [2], data_offsets: [0, 16] }, h: { dtype: 'F16', shape: [2], data_offsets: [16, 20] } });
    const bytes = new Uint8Array(8 + header.length + 20);
    const v = new DataView(bytes.buffer);
    v.setBigUint64(0, BigInt(header.length), true);
    bytes.set(new TextEncoder().encode(header), 8);
    v.setFloat64(8 + header.length, 1.5, true);
    v.setFloat64(16 + header.length, -2.25, true);
    v.setUint16(24 + header.length, 0x3c00, true); // 1.0 in half precision
    v.setUint16(26 + header.length, 0xc000, true); // -2.0
    const f = parseSafetensors(bytes, 'hand');
    expect(Array.from(f.tensors.get('a')!.data)).toEqual([1.5, -2.25]);
    expect(Array.from(f.tensors.get('h')!.data)).toEqual([1, -2]);
    const round = parseSafetensors(encodeSafetensors({ i: { dtype: 'I32', shape: [3], data: Int32Array.from([1, -2, 3]) } }, { k: 'v' }), 'round');
    expect(Array.from(round.tensors.get('i')!.data)).toEqual([1, -2, 3]);
    expect(round.metadata).toEqual({ k: 'v' });
    expect(() => parseSafetensors(bytes.subarray(0, 30), 'cut')).toThrow(/cut: not a safetensors file/);
  });

  it('importStack reads layers from .npy and safetensors by tensor name, transposing on request', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orbitscope-import-'));
    const W1 = Float32Array.from({ length: 12 }, (_, i) => i); // [4, 3]
    writeFileSync(join(dir, 'w1.npy'), encodeNpy(W1, [4, 3]));
    const W2t = Float32Array.from({ length: 8 }, (_, i) => i + 1); // stored [4, 2] = [d, h]
    writeFileSync(join(dir, 'm.safetensors'), encodeSafetensors({ 'enc.1.weight': { dtype: 'F32', shape: [4, 2], data: W2t }, 'enc.1.bias': { dtype: 'F32', shape: [2], data: Float32Array.from([5, 6]) } }));
    const m = importStack([
      { W: join(dir, 'w1.npy') },
      { W: `${join(dir, 'm.safetensors')}:enc.1.weight`, b: `${join(dir, 'm.safetensors')}:enc.1.bias`, transpose: true, activation: 'relu' },
    ]);
    expect(m.layers[0].weights.shape).toEqual([4, 3]);
    expect(Array.from(m.layers[0].weights.b)).toEqual([0, 0, 0, 0]);
    expect(m.layers[1].weights.shape).toEqual([2, 4]);
    // W[j, i] = stored[i, j]
    expect(Array.from(m.layers[1].weights.W)).toEqual([1, 3, 5, 7, 2, 4, 6, 8]);
    expect(Array.from(m.layers[1].weights.b)).toEqual([5, 6]);
    expect(() => importStack([{ W: `${join(dir, 'm.safetensors')}:nope` }])).toThrow(/has no tensor "nope"; it has enc.1.weight, enc.1.bias/);
    expect(() => importStack([{ W: join(dir, 'w1.npy') }, { W: join(dir, 'w1.npy') }])).toThrow(/layer 2 expects 3 inputs but layer 1 has 4 units/);
    rmSync(dir, { recursive: true, force: true });
  });
});
