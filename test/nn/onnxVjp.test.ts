import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/core/index.js';
import type { Attribute } from '../../src/engine/graph.js';
import { float32, int64, type Tensor } from '../../src/engine/index.js';
import { OnnxGradient, onnxValues, parseOnnxModel, type ImportedGraph, type ImportedNode, type SupportedOp } from '../../src/nn/index.js';
import { VJPS } from '../../src/nn/onnxVjp.js';

const normal = (n: number, seed: number) => RandomSource.fromSeed(seed).fillNormal(new Float32Array(n));

/** Distinct values 0.05 apart in a seeded random order: no max or ReLU kink within 2h of any of them. */
function spaced(n: number, seed: number): Float32Array {
  const rng = RandomSource.fromSeed(seed);
  const v = Float32Array.from({ length: n }, (_, i) => (i - n / 2 + 0.5) * 0.05 + 0.0125);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [v[i], v[j]] = [v[j], v[i]];
  }
  return v;
}

/** A graph of nodes after one input `x`; constants by name. */
function graphOf(inputDims: number[], nodes: { op: SupportedOp; inputs: string[]; outputs?: string[]; attributes?: Record<string, Attribute> }[], constants: Record<string, Tensor> = {}): ImportedGraph {
  const full: ImportedNode[] = nodes.map((n, i) => ({ name: `n${i}`, op: n.op, inputs: n.inputs, outputs: n.outputs ?? [`v${i}`], attributes: n.attributes ?? {} }));
  return { input: { name: 'x', dims: inputDims }, outputs: [full[full.length - 1].outputs[0]], nodes: full, constants: new Map(Object.entries(constants)) };
}

/**
 * Gradient of f(x) = seed . out(x) from the backward graph against central differences in every
 * coordinate (all 2n shifted inputs in one batched forward run; the ops act on each sample alone).
 */
async function checkGradient(graph: ImportedGraph, x: Float32Array, h = 1e-2): Promise<{ err: number; scale: number }> {
  const dims = graph.input.dims as number[];
  const target = graph.outputs[0];
  const grad = await OnnxGradient.create(graph, target, dims);
  const outSize = grad.targetDims.reduce((a, b) => a * b, 1);
  const seed = normal(outSize, 7);
  const { grad: g } = await grad.run(x, seed);
  const n = x.length;
  const batch = new Float32Array(2 * n * n);
  for (let i = 0; i < n; i++) {
    batch.set(x, 2 * i * n);
    batch.set(x, (2 * i + 1) * n);
    batch[2 * i * n + i] += h;
    batch[(2 * i + 1) * n + i] -= h;
  }
  const out = (await onnxValues(graph, float32(batch, [2 * n, ...dims.slice(1)]), [target]))[target].data;
  let err = 0;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    let fp = 0;
    let fm = 0;
    for (let k = 0; k < outSize; k++) {
      fp += seed[k] * out[2 * i * outSize + k];
      fm += seed[k] * out[(2 * i + 1) * outSize + k];
    }
    const fd = (fp - fm) / (2 * h);
    err = Math.max(err, Math.abs(fd - g[i]));
    scale = Math.max(scale, Math.abs(g[i]));
  }
  return { err, scale };
}

const w4 = (dims: number[], seed: number) => float32(normal(dims.reduce((a, b) => a * b, 1), seed).map((v) => v * 0.5), dims);

const CASES: [string, SupportedOp, () => { graph: ImportedGraph; x: Float32Array }][] = [
  ['Conv (stride 2, pads, dilation 1) with bias', 'Conv', () => ({ graph: graphOf([1, 2, 7, 6], [{ op: 'Conv', inputs: ['x', 'W', 'b'], attributes: { strides: [2, 2], pads: [1, 0, 1, 1], kernel_shape: [3, 3] } }], { W: w4([3, 2, 3, 3], 1), b: w4([3], 2) }), x: normal(84, 3) })],
  ['Conv (dilation 2, 2 groups)', 'Conv', () => ({ graph: graphOf([1, 4, 7, 7], [{ op: 'Conv', inputs: ['x', 'W'], attributes: { dilations: [2, 2], group: 2 } }], { W: w4([4, 2, 3, 3], 4) }), x: normal(196, 5) })],
  ['Gemm (transB = 1, alpha, beta)', 'Gemm', () => ({ graph: graphOf([1, 5], [{ op: 'Gemm', inputs: ['x', 'W', 'b'], attributes: { transB: 1, alpha: { float: 0.7 }, beta: { float: 2 } } }], { W: w4([3, 5], 6), b: w4([3], 7) }), x: normal(5, 8) })],
  ['Gemm (transB = 0)', 'Gemm', () => ({ graph: graphOf([1, 5], [{ op: 'Gemm', inputs: ['x', 'W'] }], { W: w4([5, 3], 9) }), x: normal(5, 10) })],
  ['MatMul', 'MatMul', () => ({ graph: graphOf([1, 6], [{ op: 'MatMul', inputs: ['x', 'W'] }], { W: w4([6, 4], 11) }), x: normal(6, 12) })],
  ['Relu', 'Relu', () => ({ graph: graphOf([1, 12], [{ op: 'Relu', inputs: ['x'] }]), x: spaced(12, 13) })],
  ['Sigmoid', 'Sigmoid', () => ({ graph: graphOf([1, 12], [{ op: 'Sigmoid', inputs: ['x'] }]), x: normal(12, 14) })],
  ['Tanh', 'Tanh', () => ({ graph: graphOf([1, 12], [{ op: 'Tanh', inputs: ['x'] }]), x: normal(12, 15) })],
  ['Gelu (exact)', 'Gelu', () => ({ graph: graphOf([1, 12], [{ op: 'Gelu', inputs: ['x'] }]), x: normal(12, 16) })],
  ['Gelu (tanh approximation)', 'Gelu', () => ({ graph: graphOf([1, 12], [{ op: 'Gelu', inputs: ['x'], attributes: { approximate: 'tanh' } }]), x: normal(12, 17) })],
  ['BatchNormalization (inference)', 'BatchNormalization', () => ({ graph: graphOf([1, 3, 2, 2], [{ op: 'BatchNormalization', inputs: ['x', 's', 'B', 'm', 'v'], attributes: { epsilon: { float: 1e-3 } } }], { s: float32([0.5, -2, 1.5], [3]), B: float32([0.1, 0.2, 0.3], [3]), m: float32([0.3, -0.1, 0], [3]), v: float32([0.5, 2, 1], [3]) }), x: normal(12, 18) })],
  ['MaxPool (2x2 stride 2)', 'MaxPool', () => ({ graph: graphOf([1, 2, 4, 5], [{ op: 'MaxPool', inputs: ['x'], attributes: { kernel_shape: [2, 2], strides: [2, 2] } }]), x: spaced(40, 19) })],
  ['MaxPool (3x3 stride 1, overlapping, padded)', 'MaxPool', () => ({ graph: graphOf([1, 1, 5, 5], [{ op: 'MaxPool', inputs: ['x'], attributes: { kernel_shape: [3, 3], pads: [1, 1, 1, 1] } }]), x: spaced(25, 20) })],
  ['AveragePool (2x2 stride 2, odd size)', 'AveragePool', () => ({ graph: graphOf([1, 2, 5, 4], [{ op: 'AveragePool', inputs: ['x'], attributes: { kernel_shape: [2, 2], strides: [2, 2] } }]), x: normal(40, 21) })],
  ['AveragePool (3x3, pads, count_include_pad 0)', 'AveragePool', () => ({ graph: graphOf([1, 1, 5, 5], [{ op: 'AveragePool', inputs: ['x'], attributes: { kernel_shape: [3, 3], pads: [1, 1, 1, 1], strides: [2, 2] } }]), x: normal(25, 22) })],
  ['Add (broadcast constant, and a residual branch)', 'Add', () => ({ graph: graphOf([1, 2, 3], [{ op: 'Tanh', inputs: ['x'] }, { op: 'Add', inputs: ['x', 'v0'] }, { op: 'Add', inputs: ['v1', 'c'] }], { c: float32([1, 2, 3], [3]) }), x: normal(6, 23) })],
  ['Flatten', 'Flatten', () => ({ graph: graphOf([1, 2, 3], [{ op: 'Flatten', inputs: ['x'] }, { op: 'Tanh', inputs: ['v0'] }]), x: normal(6, 24) })],
  ['Reshape', 'Reshape', () => ({ graph: graphOf([1, 2, 3], [{ op: 'Reshape', inputs: ['x', 's'] }, { op: 'Tanh', inputs: ['v0'] }], { s: int64([-1, 3, 2], [3]) }), x: normal(6, 25) })],
  ['Dropout (inference)', 'Dropout', () => ({ graph: graphOf([1, 4], [{ op: 'Dropout', inputs: ['x'] }, { op: 'Tanh', inputs: ['v0'] }]), x: normal(4, 26) })],
  ['Identity', 'Identity', () => ({ graph: graphOf([1, 4], [{ op: 'Identity', inputs: ['x'] }, { op: 'Sigmoid', inputs: ['v0'] }]), x: normal(4, 27) })],
  ['Pad (constant, as exported before AveragePool)', 'Pad', () => ({ graph: graphOf([1, 1, 3, 3], [{ op: 'Pad', inputs: ['x', 'p'] }, { op: 'Tanh', inputs: ['v0'] }], { p: int64([0, 0, 1, 0, 0, 0, 2, 1], [8]) }), x: normal(9, 28) })],
];

describe('VJPS: one vector-Jacobian product per supported op, against central finite differences', () => {
  it('has a VJP for every supported op but Constant', () => {
    expect(Object.keys(VJPS).sort()).toEqual(['Add', 'AveragePool', 'BatchNormalization', 'Conv', 'Dropout', 'Flatten', 'Gelu', 'Gemm', 'Identity', 'MatMul', 'MaxPool', 'Pad', 'Relu', 'Reshape', 'Sigmoid', 'Tanh']);
  });

  it.each(CASES)('VJPS.%s agrees with finite differences in every input coordinate', async (_name, op, make) => {
    const { graph, x } = make();
    expect(graph.nodes.some((n) => n.op === op)).toBe(true);
    const { err, scale } = await checkGradient(graph, x);
    expect(scale).toBeGreaterThan(0.05);
    expect(err).toBeLessThan(2e-3 * scale + 1e-4);
  });

  it('the backward graph of a PyTorch-exported CNN (Conv, Relu, MaxPool, Flatten, Gemm) agrees with finite differences', async () => {
    const graph = parseOnnxModel(new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'onnx', 'cnn_bn_color.onnx'))), 'c');
    const one = { ...graph, input: { name: graph.input.name, dims: [1, 3, 16, 16] } };
    const { err, scale } = await checkGradient(one, normal(3 * 16 * 16, 29).map((v) => 0.5 + 0.2 * v), 1e-2);
    expect(scale).toBeGreaterThan(1e-3);
    expect(err).toBeLessThan(2e-2 * scale);
  });

  it('a finite-difference check can fail: a wrong VJP (Sigmoid given the one of Tanh) is caught', async () => {
    const graph = graphOf([1, 12], [{ op: 'Sigmoid', inputs: ['x'] }]);
    const saved = VJPS.Sigmoid;
    try {
      (VJPS as Record<string, unknown>).Sigmoid = VJPS.Tanh;
      const { err, scale } = await checkGradient(graph, normal(12, 30));
      expect(err).toBeGreaterThan(2e-3 * scale + 1e-4);
    } finally {
      (VJPS as Record<string, unknown>).Sigmoid = saved;
    }
  });
});

/** Gradient with respect to a graph input of any shape against central differences, one forward run per shifted input. */
async function checkUnbatched(graph: ImportedGraph, x: Float32Array, h = 1e-2): Promise<{ err: number; scale: number }> {
  const dims = graph.input.dims as number[];
  const target = graph.outputs[0];
  const grad = await OnnxGradient.create(graph, target, dims);
  const seed = normal(grad.targetDims.reduce((a, b) => a * b, 1), 9);
  const { grad: g } = await grad.run(x, seed);
  const f = async (v: Float32Array) => {
    const y = (await onnxValues(graph, float32(v, dims), [target]))[target].data;
    return y.reduce((a, yk, k) => a + seed[k] * yk, 0);
  };
  let err = 0;
  let scale = 0;
  for (let i = 0; i < x.length; i++) {
    const p = x.slice();
    const m = x.slice();
    p[i] += h;
    m[i] -= h;
    const fd = ((await f(p)) - (await f(m))) / (2 * h);
    err = Math.max(err, Math.abs(fd - g[i]));
    scale = Math.max(scale, Math.abs(g[i]));
  }
  return { err, scale };
}

describe('VJPS: gradients with respect to the weight operands (for training objectives)', () => {
  it.each([
    ['Gemm, dB with transB = 1 and alpha', graphOf([3, 5], [{ op: 'Gemm', inputs: ['A', 'x', 'c'], attributes: { transB: 1, alpha: { float: 0.7 } } }], { A: w4([2, 5], 31), c: w4([3], 32) }), 15],
    ['Gemm, dB with transB = 0', graphOf([5, 3], [{ op: 'Gemm', inputs: ['A', 'x'] }], { A: w4([2, 5], 33) }), 15],
    ['Gemm, dC broadcast with beta', graphOf([3], [{ op: 'Gemm', inputs: ['A', 'B', 'x'], attributes: { beta: { float: 1.5 } } }], { A: w4([2, 5], 34), B: w4([5, 3], 35) }), 3],
    ['Conv, dW (stride 2, pads)', graphOf([3, 2, 3, 3], [{ op: 'Conv', inputs: ['D', 'x'], attributes: { strides: [2, 2], pads: [1, 0, 1, 1] } }], { D: w4([2, 2, 7, 6], 38) }), 54],
    ['Conv, dW (dilation 2)', graphOf([2, 1, 3, 3], [{ op: 'Conv', inputs: ['D', 'x'], attributes: { dilations: [2, 2] } }, { op: 'Tanh', inputs: ['v0'] }], { D: w4([2, 1, 8, 8], 39) }), 18],
    ['Conv, dB', graphOf([3], [{ op: 'Conv', inputs: ['D', 'W', 'x'] }], { D: w4([2, 2, 5, 5], 40), W: w4([3, 2, 3, 3], 41) }), 3],
    ['MatMul, dB', graphOf([4, 3], [{ op: 'MatMul', inputs: ['A', 'x'] }, { op: 'Tanh', inputs: ['v0'] }], { A: w4([2, 4], 36) }), 12],
  ] as const)('VJPS.%s agrees with finite differences', async (_name, graph, n) => {
    const { err, scale } = await checkUnbatched(graph, normal(n, 37));
    expect(scale).toBeGreaterThan(0.05);
    expect(err).toBeLessThan(2e-3 * scale + 1e-4);
  });
});
