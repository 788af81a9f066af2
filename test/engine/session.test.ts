import onnxProto from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import { GraphBuilder, compile, cachedSessionCount, float32 } from '../../src/engine/index.js';

const { onnx } = onnxProto;

function sigmoidModel(): Uint8Array {
  const g = new GraphBuilder('sig');
  const x = g.input('x', 'float32', ['batch', 3]);
  g.output(g.op('Sigmoid', [x]), 'y', 'float32', ['batch', 3]);
  return g.build();
}

describe('compile', () => {
  it('compile(model) reuses one session for the same graph built twice', async () => {
    const a = await compile(sigmoidModel(), { threads: 1 });
    const before = cachedSessionCount();
    const b = await compile(sigmoidModel(), { threads: 1 });
    expect(b).toBe(a);
    expect(cachedSessionCount()).toBe(before);
  });

  it('compile(model, { spinning: false }) is its own session and computes the same numbers', async () => {
    const spinning = await compile(sigmoidModel(), { threads: 2 });
    const quiet = await compile(sigmoidModel(), { threads: 2, spinning: false });
    expect(quiet).not.toBe(spinning);
    const x = float32([-2, 0, 3, 1, -1, 0.5], [2, 3]);
    expect(Array.from((await quiet.run({ x })).y.data as Float32Array)).toEqual(Array.from((await spinning.run({ x })).y.data as Float32Array));
  });

  it('run() accepts any size for a symbolic batch dimension', async () => {
    const s = await compile(sigmoidModel(), { threads: 1 });
    for (const n of [1, 5]) {
      const y = (await s.run({ x: float32(new Float32Array(3 * n), [n, 3]) })).y;
      expect(y.dims).toEqual([n, 3]);
      expect(Array.from(y.data as Float32Array).every((v) => v === 0.5)).toBe(true);
    }
  });

  it('run(feeds, fetch, into) writes the named outputs into the given arrays and allocates the rest', async () => {
    const g = new GraphBuilder('into');
    const x = g.input('x', 'float32', [3]);
    g.output(g.op('Add', [x, x]), 'twice', 'float32', [3]);
    g.output(g.op('Mul', [x, x]), 'square', 'float32', [3]);
    const s = await compile(g.build(), { threads: 1 });
    const buf = new Float32Array(3);
    const out = await s.run({ x: float32([1, 2, -3], [3]) }, undefined, { twice: float32(buf, [3]) });
    expect(out.twice.data).toBe(buf);
    expect(Array.from(buf)).toEqual([2, 4, -6]);
    expect(Array.from(out.square.data as Float32Array)).toEqual([1, 4, 9]);
  });

  it('build() lets an operator write an output that later nodes also read, and keeps Identity only where needed', async () => {
    const g = new GraphBuilder('outputs');
    const x = g.input('x', 'float32', [2]);
    const y = g.op('Add', [x, x]);
    const z = g.op('Mul', [y, y]);
    g.output(y, 'y', 'float32', [2]); // read by Mul too: Add writes 'y' itself
    g.output(z, 'z', 'float32', [2]);
    g.output(y, 'y2', 'float32', [2]); // a second output of the same value: an Identity
    g.output(x, 'xOut', 'float32', [2]); // an input passed through: an Identity
    const model = onnx.ModelProto.decode(g.build());
    expect((model.graph?.node ?? []).map((n) => n.opType)).toEqual(['Add', 'Mul', 'Identity', 'Identity']);
    const s = await compile(g.build(), { threads: 1 });
    const out = await s.run({ x: float32([1, -2], [2]) });
    expect(Array.from(out.y.data as Float32Array)).toEqual([2, -4]);
    expect(Array.from(out.z.data as Float32Array)).toEqual([4, 16]);
    expect(Array.from(out.y2.data as Float32Array)).toEqual([2, -4]);
    expect(Array.from(out.xOut.data as Float32Array)).toEqual([1, -2]);
  });

  it('compile rejects a thread count of 0', () => {
    expect(() => compile(sigmoidModel(), { threads: 0 })).toThrow(/threads must be a positive integer/);
  });

  it('constant() embeds a tensor that the graph reads', async () => {
    const g = new GraphBuilder('const');
    const x = g.input('x', 'float32', [2]);
    const c = g.constant(float32([10, 20], [2]));
    g.output(g.op('Add', [x, c]), 'y', 'float32', [2]);
    const s = await compile(g.build(), { threads: 1 });
    expect(Array.from((await s.run({ x: float32([1, 2], [2]) })).y.data as Float32Array)).toEqual([11, 22]);
  });
});
