import { describe, expect, it } from 'vitest';
import onnxProto from 'onnx-proto';
import { RandomSource } from '../../src/core/index.js';
import { GraphBuilder, float32 } from '../../src/engine/index.js';
import { exportEncoderOnnx, type StackModel } from '../../src/nn/index.js';
import { onnxFeatures } from '../../src/analysis/onnxFeatures.js';

const { onnx } = onnxProto;

/** A one-node model x -> op(x, W) with W a constant [rows, cols] (or 4-D for Conv). */
function oneNode(op: 'Gemm' | 'MatMul' | 'Conv', w: Float32Array, dims: number[], attrs: Record<string, number> = {}): Uint8Array {
  const g = new GraphBuilder('one');
  const x = g.input('x', 'float32', op === 'Conv' ? [1, dims[1], 8, 8] : ['N', op === 'Gemm' && attrs.transB === 1 ? dims[1] : dims[0]]);
  const W = g.constant(float32(w, dims), 'weight');
  g.output(g.op(op, [x, W], attrs), 'y', 'float32', null);
  return g.build();
}

const seeded = (n: number, seed: number) => RandomSource.fromSeed(seed).fillNormal(new Float32Array(n));

describe('onnxFeatures', () => {
  it('onnxFeatures reads a Gemm weight with transB = 1 as rows = units, reshaped to a square', () => {
    const w = seeded(3 * 16, 1);
    const f = onnxFeatures(oneNode('Gemm', w, [3, 16], { transB: 1 }));
    expect([f.units, f.channels, f.height, f.width, f.opType, f.initializer]).toEqual([3, 1, 4, 4, 'Gemm', 'weight']);
    expect(Array.from(f.data)).toEqual(Array.from(w));
  });

  it('onnxFeatures transposes a Gemm weight with transB = 0 and a MatMul weight (both [inputs, units])', () => {
    const w = seeded(12 * 2, 2); // [12 inputs, 2 units]
    for (const op of ['Gemm', 'MatMul'] as const) {
      const f = onnxFeatures(oneNode(op, w, [12, 2]), { height: 3 });
      expect([f.units, f.height, f.width]).toEqual([2, 3, 4]);
      for (let u = 0; u < 2; u++) for (let i = 0; i < 12; i++) expect(f.data[u * 12 + i]).toBe(w[i * 2 + u]);
    }
  });

  it('onnxFeatures reads a Conv weight [units, channels, kh, kw] as it is', () => {
    const w = seeded(4 * 1 * 5 * 3, 3);
    const f = onnxFeatures(oneNode('Conv', w, [4, 1, 5, 3]));
    expect([f.units, f.channels, f.height, f.width, f.opType]).toEqual([4, 1, 5, 3, 'Conv']);
    expect(Array.from(f.data)).toEqual(Array.from(w));
  });

  it('onnxFeatures reads weights stored in float_data and in double raw_data', () => {
    const w = [0.5, -1, 2, 0.25, 3, -0.125, 1, 0, -2];
    for (const t of [
      { dataType: 1, floatData: w },
      { dataType: 11, rawData: new Uint8Array(Float64Array.from(w).buffer) },
    ]) {
      const model = onnx.ModelProto.create({
        irVersion: 9,
        graph: {
          node: [{ opType: 'Gemm', input: ['x', 'W'], output: ['y'], name: 'fc', attribute: [{ name: 'transB', type: onnx.AttributeProto.AttributeType.INT, i: 1 }] }],
          initializer: [{ name: 'W', dims: [1, 9], ...t }],
        },
      });
      const f = onnxFeatures(onnx.ModelProto.encode(model).finish());
      expect(Array.from(f.data)).toEqual(w);
      expect([f.height, f.width, f.node]).toEqual([3, 3, 'fc']);
    }
  });

  it('onnxFeatures reads the first layer of the encoder.onnx that src/nn exports', () => {
    const W = seeded(5 * 36, 4);
    const model: StackModel = {
      kind: 'imported',
      config: {},
      layers: [
        { weights: { W, b: new Float32Array(5), c: new Float32Array(36), shape: [5, 36] }, activation: 'sigmoid', decoderActivation: 'sigmoid', history: [] },
        { weights: { W: seeded(2 * 5, 5), b: new Float32Array(2), c: new Float32Array(5), shape: [2, 5] }, activation: 'sigmoid', decoderActivation: 'sigmoid', history: [] },
      ],
    };
    const f = onnxFeatures(exportEncoderOnnx(model));
    expect([f.units, f.height, f.width]).toEqual([5, 6, 6]);
    expect(Array.from(f.data)).toEqual(Array.from(W));
  });

  it('onnxFeatures rejects non-ONNX bytes, a non-square dense layer without a size, and a model without weights', () => {
    expect(() => onnxFeatures(new Uint8Array([1, 2, 3, 255, 255]))).toThrow(/not an ONNX model/);
    expect(() => onnxFeatures(oneNode('Gemm', seeded(2 * 10, 6), [2, 10], { transB: 1 }))).toThrow(/10 inputs, not a square number/);
    expect(() => onnxFeatures(oneNode('Gemm', seeded(2 * 10, 6), [2, 10], { transB: 1 }), { height: 3 })).toThrow(/not height x width/);
    const g = new GraphBuilder('none');
    g.output(g.op('Relu', [g.input('x', 'float32', [1])]), 'y', 'float32', null);
    expect(() => onnxFeatures(g.build())).toThrow(/no Gemm, MatMul or Conv/);
  });
});
