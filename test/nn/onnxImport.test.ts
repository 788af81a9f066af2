import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNpy } from '../../src/data/npy.js';
import { float32 } from '../../src/engine/index.js';
import { onnxLayers, onnxValues, parseOnnxModel, resolveInputDims } from '../../src/nn/index.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'onnx');
const model = (name: string) => parseOnnxModel(new Uint8Array(readFileSync(join(DIR, `${name}.onnx`))), name);
const npy = (file: string) => parseNpy(new Uint8Array(readFileSync(join(DIR, file))), file);

/** Largest |a - b| relative to max |b| (float32 tolerance is judged on this). */
function relErr(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    m = Math.max(m, Math.abs(b[i]));
  }
  return d / m;
}

describe('ONNX import of networks exported by PyTorch (test/fixtures/onnx/make_fixtures.py)', () => {
  it.each([
    ['mlp', ['Gemm', 'Gemm'], [32, 10]],
    ['cnn', ['Conv', 'Conv', 'Conv', 'Gemm'], [6, 8, 8, 10]],
    ['cnn_bn_color', ['Conv', 'Conv', 'Gemm', 'Gemm'], [8, 8, 16, 9]],
    ['fcn_symbolic', ['Conv', 'Conv'], [4, 4]],
  ])('onnxValues(%s) gives every layer output PyTorch saved, to float32 tolerance', async (name, ops, units) => {
    const g = model(name);
    const layers = onnxLayers(g, name);
    expect(layers.map((l) => l.op)).toEqual(ops);
    expect(layers.map((l) => l.units)).toEqual(units);
    const x = npy(`${name}.input.npy`);
    const values = await onnxValues(g, float32(x.data, x.shape), [...layers.map((l) => l.output), g.outputs[0]]);
    layers.forEach((l, k) => {
      const ref = npy(`${name}.layer${k}.npy`);
      expect(values[l.output].dims).toEqual(ref.shape);
      expect(relErr(values[l.output].data, ref.data)).toBeLessThan(1e-5);
    });
    expect(relErr(values[g.outputs[0]].data, npy(`${name}.output.npy`).data)).toBeLessThan(1e-5);
  });

  it('onnxLayers follows each layer through its pointwise chain to the unit response', () => {
    const col = onnxLayers(model('cnn_bn_color'), 'c');
    expect(col.map((l) => l.responseOps)).toEqual([['Relu', 'BatchNormalization'], ['Tanh'], ['Sigmoid'], []]);
    expect(col[0].filterShape).toEqual([3, 5, 5]);
    const mlp = onnxLayers(model('mlp'), 'm');
    expect(mlp[0].filterShape).toEqual([784]);
    // nn.Linear stores [units, inputs] and exports Gemm transB = 1: unit 0's filter is row 0
    const w = model('mlp').constants.get('1.weight')!.data as Float32Array;
    expect(Array.from(mlp[0].filters.subarray(0, 784))).toEqual(Array.from(w.subarray(0, 784)));
  });

  it('parseOnnxModel names the node and the op it does not support', () => {
    expect(() => model('unsupported')).toThrow(/node "\/1\/LeakyRelu" is a LeakyRelu, which is not supported; supported ops: Conv, Gemm/);
  });

  it('resolveInputDims asks for the input shape where the model leaves dims symbolic, and checks fixed ones', () => {
    const g = model('fcn_symbolic');
    expect(() => resolveInputDims(g, undefined, 1, 'w')).toThrow(/inputShape: w leaves input dims height, width symbolic.*give the full input shape/);
    expect(resolveInputDims(g, [1, 1, 10, 12], 4, 'w')).toEqual([4, 1, 10, 12]);
    expect(() => resolveInputDims(g, [1, 3, 10, 12], 1, 'w')).toThrow(/inputShape: 3 for dim 1, but w fixes it at 1/);
    expect(resolveInputDims(model('cnn'), undefined, 2, 'w')).toEqual([2, 1, 28, 28]);
  });
});
