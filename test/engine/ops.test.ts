import { describe, expect, it } from 'vitest';
import { GraphBuilder, compile, float32, int64, bool, type Attribute, type DType, type Tensor } from '../../src/engine/index.js';
import { RandomSource } from '../../src/core/index.js';
import { affineGridReference, gridSampleBilinearReference } from '../../src/testing/index.js';

/** Run one operator on the given inputs through ONNX Runtime. */
async function runOp(op: string, inputs: Tensor[], attrs: Record<string, Attribute> = {}, outType: DType = 'float32'): Promise<Tensor> {
  const g = new GraphBuilder(`op_${op}`);
  const names = inputs.map((t, i) => g.input(`in${i}`, t.dtype, t.dims));
  g.output(g.op(op, names, attrs), 'y', outType, null);
  const s = await compile(g.build(), { threads: 1 });
  const feeds: Record<string, Tensor> = {};
  inputs.forEach((t, i) => (feeds[`in${i}`] = t));
  return (await s.run(feeds)).y;
}

const rng = RandomSource.fromSeed(7);
const rand = (dims: number[], lo = -1, hi = 1) => float32(rng.fillUniform(new Float32Array(dims.reduce((a, b) => a * b, 1)), lo, hi), dims);

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i])));
  expect(worst).toBeLessThanOrEqual(tol);
}

function matmulRef(a: Float32Array, b: Float32Array, m: number, k: number, n: number, ta = false, tb = false): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += (ta ? a[l * m + i] : a[i * k + l]) * (tb ? b[j * k + l] : b[l * n + j]);
      c[i * n + j] = s;
    }
  return c;
}

describe('engine operators against plain TypeScript references', () => {
  it('MatMul multiplies a (3x5) by b (5x4)', async () => {
    const a = rand([3, 5]);
    const b = rand([5, 4]);
    const y = await runOp('MatMul', [a, b]);
    expect(y.dims).toEqual([3, 4]);
    expectClose(y.data as Float32Array, matmulRef(a.data, b.data, 3, 5, 4));
  });

  it('Gemm computes alpha * A^T B + beta * C with transA', async () => {
    const a = rand([5, 3]);
    const b = rand([5, 4]);
    const c = rand([4]);
    const y = await runOp('Gemm', [a, b, c], { transA: 1, alpha: { float: 0.5 }, beta: { float: 2 } });
    const ab = matmulRef(a.data, b.data, 3, 5, 4, true, false);
    const ref = ab.map((v, i) => 0.5 * v + 2 * c.data[i % 4]);
    expectClose(y.data as Float32Array, ref);
  });

  const binary: [string, (a: number, b: number) => number][] = [
    ['Add', (a, b) => a + b],
    ['Sub', (a, b) => a - b],
    ['Mul', (a, b) => a * b],
    ['Div', (a, b) => a / b],
  ];
  for (const [op, f] of binary) {
    it(`${op} broadcasts a row vector over a matrix`, async () => {
      const a = rand([3, 4]);
      const b = rand([4], 0.5, 2);
      const y = await runOp(op, [a, b]);
      expectClose(y.data as Float32Array, Array.from(a.data, (v, i) => f(v, b.data[i % 4])));
    });
  }

  const unary: [string, (x: number) => number, number, number][] = [
    ['Sigmoid', (x) => 1 / (1 + Math.exp(-x)), -6, 6],
    ['Tanh', Math.tanh, -3, 3],
    ['Relu', (x) => Math.max(0, x), -1, 1],
    ['Softplus', (x) => Math.log1p(Math.exp(x)), -5, 5],
    ['Exp', Math.exp, -3, 3],
    ['Log', Math.log, 0.01, 5],
  ];
  for (const [op, f, lo, hi] of unary) {
    it(`${op} matches Math on [${lo}, ${hi}]`, async () => {
      const x = rand([7, 3], lo, hi);
      const y = await runOp(op, [x]);
      expectClose(y.data as Float32Array, Array.from(x.data, f), 2e-6);
    });
  }

  it('ReduceSum and ReduceMean over axis 1 (axes as an input, opset 18+)', async () => {
    const x = rand([4, 6]);
    const axes = int64([1], [1]);
    const s = await runOp('ReduceSum', [x, axes], { keepdims: 0 });
    const m = await runOp('ReduceMean', [x, axes], { keepdims: 0 });
    const rows = [0, 1, 2, 3].map((i) => Array.from(x.data.subarray(i * 6, i * 6 + 6)).reduce((a, b) => a + b, 0));
    expect(s.dims).toEqual([4]);
    expectClose(s.data as Float32Array, rows);
    expectClose(m.data as Float32Array, rows.map((r) => r / 6));
  });

  it('Transpose with perm [1,0,2] moves axes', async () => {
    const x = rand([2, 3, 4]);
    const y = await runOp('Transpose', [x], { perm: [1, 0, 2] });
    expect(y.dims).toEqual([3, 2, 4]);
    const ref: number[] = [];
    for (let j = 0; j < 3; j++) for (let i = 0; i < 2; i++) for (let k = 0; k < 4; k++) ref.push(x.data[(i * 3 + j) * 4 + k]);
    expectClose(y.data as Float32Array, ref, 0);
  });

  it('Reshape keeps row-major order and infers -1', async () => {
    const x = rand([2, 6]);
    const y = await runOp('Reshape', [x, int64([3, -1], [2])]);
    expect(y.dims).toEqual([3, 4]);
    expectClose(y.data as Float32Array, x.data, 0);
  });

  it('Less compares elementwise and Where selects by the mask', async () => {
    const a = rand([10]);
    const b = rand([10]);
    const lt = await runOp('Less', [a, b], {}, 'bool');
    expect(Array.from(lt.data as Uint8Array)).toEqual(Array.from(a.data, (v, i) => (v < b.data[i] ? 1 : 0)));
    const w = await runOp('Where', [bool(Array.from(lt.data as Uint8Array, (v) => v === 1), [10]), a, b]);
    expectClose(w.data as Float32Array, Array.from(a.data, (v, i) => Math.min(v, b.data[i])), 0);
  });

  it('Cast turns bool into float 0/1 and float into int64 by truncation', async () => {
    const m = bool([true, false, true], [3]);
    const f = await runOp('Cast', [m], { to: 1 });
    expect(Array.from(f.data as Float32Array)).toEqual([1, 0, 1]);
    const i = await runOp('Cast', [float32([2.7, -1.5, 0.2], [3])], { to: 7 }, 'int64');
    expect(Array.from(i.data as BigInt64Array)).toEqual([2n, -1n, 0n]);
  });

  it('Clip bounds values to [min, max] given as inputs', async () => {
    const x = rand([20], -3, 3);
    const y = await runOp('Clip', [x, float32([-1], []), float32([0.5], [])]);
    expectClose(y.data as Float32Array, Array.from(x.data, (v) => Math.min(0.5, Math.max(-1, v))), 0);
  });

  for (const alignCorners of [0, 1]) {
    it(`AffineGrid matches the reference (align_corners=${alignCorners})`, async () => {
      const theta = rand([2, 2, 3]);
      const y = await runOp('AffineGrid', [theta, int64([2, 1, 5, 7], [4])], { align_corners: alignCorners });
      expect(y.dims).toEqual([2, 5, 7, 2]);
      expectClose(y.data as Float32Array, affineGridReference(theta.data, 2, 5, 7, alignCorners === 1), 1e-6);
    });

    it(`GridSample (linear, zeros) matches a per-pixel bilinear sampler (align_corners=${alignCorners})`, async () => {
      const x = rand([2, 3, 6, 5]);
      const grid = rand([2, 4, 8, 2], -1.3, 1.3);
      const y = await runOp('GridSample', [x, grid], { mode: 'linear', padding_mode: 'zeros', align_corners: alignCorners });
      expect(y.dims).toEqual([2, 3, 4, 8]);
      expectClose(y.data as Float32Array, gridSampleBilinearReference(x.data, [2, 3, 6, 5], grid.data, 4, 8, alignCorners === 1), 1e-5);
    });
  }
});
