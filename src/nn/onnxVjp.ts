import { UserError } from '../core/errors.js';
import type { Attribute, GraphBuilder } from '../engine/graph.js';
import { float32, int64, type Tensor } from '../engine/tensor.js';
import type { ImportedNode, SupportedOp } from './onnxModel.js';

/**
 * What a vector-Jacobian product sees of its node: builder names of the node's inputs and
 * outputs, the incoming gradient dy (of output 0), concrete shapes of inputs and output 0, the
 * constant value of an input (initializer or Constant), and which inputs need a gradient.
 */
export interface VjpContext {
  readonly g: GraphBuilder;
  readonly node: ImportedNode;
  readonly x: readonly string[];
  readonly y: readonly string[];
  readonly dy: string;
  readonly inShapes: readonly (readonly number[])[];
  /** Shape of input 0 (the data operand of every op but Add and a two-activation MatMul). */
  readonly inShape0: readonly number[];
  readonly outShape: readonly number[];
  readonly constant: (input: number) => Tensor | undefined;
  readonly wants: readonly boolean[];
}

/** A VJP: ONNX nodes computing dL/d(input i) from dL/d(output 0), per input (null: not needed or constant). */
export type Vjp = (c: VjpContext) => (string | null)[];

const ints = (n: ImportedNode, name: string, fallback: readonly number[]): number[] => {
  const a = n.attributes[name];
  return Array.isArray(a) ? [...a] : [...fallback];
};
const int = (n: ImportedNode, name: string, fallback: number): number => {
  const a = n.attributes[name];
  return typeof a === 'number' ? a : fallback;
};
const flt = (n: ImportedNode, name: string, fallback: number): number => {
  const a = n.attributes[name];
  return typeof a === 'object' && a !== null && 'float' in a ? a.float : fallback;
};
const str = (n: ImportedNode, name: string, fallback: string): string => {
  const a = n.attributes[name];
  return typeof a === 'string' ? a : fallback;
};
const scalar = (g: GraphBuilder, v: number) => g.constant(float32([v], []));
const unsupported = (c: VjpContext, what: string): never => {
  throw new UserError(`onnx gradient: node "${c.node.name}" (${c.node.op}) ${what}, which has no vector-Jacobian product here`);
};

function checkAutoPad(c: VjpContext): void {
  const p = str(c.node, 'auto_pad', 'NOTSET');
  if (p !== 'NOTSET') unsupported(c, `uses auto_pad ${p}`);
}

/**
 * The transposed convolution that maps a gradient of a (strided, padded, dilated) 2-D window op
 * back to its input of spatial size inShape[2..]: output_padding makes up the rows and columns
 * that the forward op's floor division dropped.
 */
function transposedWindow(c: VjpContext, dy: string, w: string, kernel: readonly number[], group: number): string {
  const spatial = c.inShape0.length - 2;
  const strides = ints(c.node, 'strides', Array(spatial).fill(1));
  const dil = ints(c.node, 'dilations', Array(spatial).fill(1));
  const pads = ints(c.node, 'pads', Array(2 * spatial).fill(0));
  const outPad = Array.from({ length: spatial }, (_, i) => {
    const produced = (c.outShape[2 + i] - 1) * strides[i] - pads[i] - pads[i + spatial] + dil[i] * (kernel[i] - 1) + 1;
    return c.inShape0[2 + i] - produced;
  });
  if (outPad.some((p, i) => p < 0 || p >= Math.max(strides[i], dil[i]))) unsupported(c, `has an output shape [${c.outShape.join(', ')}] that a transposed convolution cannot invert`);
  const attrs: Record<string, Attribute> = { strides, dilations: dil, pads, group };
  if (outPad.some((p) => p > 0)) attrs.output_padding = outPad;
  return c.g.op('ConvTranspose', [dy, w], attrs);
}

/** Sum dy over the axes along which `shape` was broadcast to dy's shape, then reshape to `shape`. */
function unbroadcast(c: VjpContext, dy: string, shape: readonly number[]): string {
  const out = c.outShape;
  if (shape.length === out.length && shape.every((d, i) => d === out[i])) return dy;
  const lead = out.length - shape.length;
  const axes = out.map((d, i) => i).filter((i) => i < lead || (shape[i - lead] === 1 && out[i] !== 1));
  const summed = axes.length ? c.g.op('ReduceSum', [dy, c.g.constant(int64(axes, [axes.length]))], { keepdims: 1 }) : dy;
  return c.g.op('Reshape', [summed, c.g.constant(int64(shape, [shape.length]))]);
}

/** Swap the last two axes (MatMul's transpose). */
function swapLast(c: VjpContext, v: string, rank: number): string {
  const perm = Array.from({ length: rank }, (_, i) => i);
  [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1], perm[rank - 2]];
  return c.g.op('Transpose', [v], { perm });
}

const passThrough: Vjp = (c) => [c.dy, ...c.x.slice(1).map(() => null)];
const reshapeBack: Vjp = (c) => [c.g.op('Reshape', [c.dy, c.g.op('Shape', [c.x[0]])]), ...c.x.slice(1).map(() => null)];

/**
 * One VJP per supported op: input gradients, and gradients of the weight operands of Conv
 * (group 1), Gemm and MatMul and of Add's operands when they are not constants (so the table
 * can serve training objectives). Each is checked against central finite differences in
 * test/nn/onnxVjp.test.ts. Conventions follow the ONNX operator definitions (opset 13-20).
 */
export const VJPS: Record<Exclude<SupportedOp, 'Constant'>, Vjp> = {
  Conv: (c) => {
    checkAutoPad(c);
    const w = c.inShapes[1];
    const group = int(c.node, 'group', 1);
    const dX = c.wants[0] ? transposedWindow(c, c.dy, c.x[1], w.slice(2), group) : null;
    let dW: string | null = null;
    if (c.wants[1]) {
      if (group !== 1 || w.length !== 4) unsupported(c, 'needs a weight gradient with groups or not in 2-D');
      // dW[m, c, a, b] = sum_{n,i,j} dY[n, m, i, j] X[n, c, i s + a d, j s + b d]: a convolution
      // of X (channels and batch swapped) by dY (likewise), strides and dilations exchanged
      const { g } = c;
      const swap = [1, 0, 2, 3];
      const conv = g.op('Conv', [g.op('Transpose', [c.x[0]], { perm: swap }), g.op('Transpose', [c.dy], { perm: swap })], {
        strides: ints(c.node, 'dilations', [1, 1]),
        dilations: ints(c.node, 'strides', [1, 1]),
        pads: ints(c.node, 'pads', [0, 0, 0, 0]),
      });
      const full = g.op('Transpose', [conv], { perm: swap });
      dW = g.op('Slice', [full, g.constant(int64([0, 0], [2])), g.constant(int64([w[2], w[3]], [2])), g.constant(int64([2, 3], [2]))]);
    }
    const dB = c.wants[2] ? c.g.op('ReduceSum', [c.dy, c.g.constant(int64([0, 2, 3], [3]))], { keepdims: 0 }) : null;
    return [dX, dW, dB];
  },
  Gemm: (c) => {
    const alpha = flt(c.node, 'alpha', 1);
    const beta = flt(c.node, 'beta', 1);
    const tA = int(c.node, 'transA', 0);
    const tB = int(c.node, 'transB', 0);
    const { g, dy, x } = c;
    // Y = alpha A' B' + beta C with A' = op(A), B' = op(B); dA' = alpha dY B'^T, dB' = alpha A'^T dY
    const dA = c.wants[0] ? (tA ? g.op('Gemm', [x[1], dy], { alpha: { float: alpha }, transA: tB, transB: 1 }) : g.op('Gemm', [dy, x[1]], { alpha: { float: alpha }, transB: tB ? 0 : 1 })) : null;
    const dB = c.wants[1] ? (tB ? g.op('Gemm', [dy, x[0]], { alpha: { float: alpha }, transA: 1, transB: tA }) : g.op('Gemm', [x[0], dy], { alpha: { float: alpha }, transA: tA ? 0 : 1 })) : null;
    const dC = c.wants[2] ? g.op('Mul', [unbroadcast(c, dy, c.inShapes[2]), scalar(g, beta)]) : null;
    return [dA, dB, dC];
  },
  MatMul: (c) => {
    const [a, b] = c.inShapes;
    if (a.length !== b.length && ((c.wants[0] && a.length < b.length) || (c.wants[1] && b.length < a.length))) unsupported(c, 'broadcasts a non-constant operand');
    const dA = c.wants[0] ? c.g.op('MatMul', [c.dy, b.length === 1 ? c.x[1] : swapLast(c, c.x[1], b.length)]) : null;
    const dB = c.wants[1] ? c.g.op('MatMul', [swapLast(c, c.x[0], a.length), c.dy]) : null;
    if ((c.wants[0] && b.length === 1) || a.length === 1) unsupported(c, 'has a vector operand');
    return [dA, dB];
  },
  Relu: (c) => [c.g.op('Mul', [c.dy, c.g.op('Cast', [c.g.op('Greater', [c.x[0], scalar(c.g, 0)])], { to: 1 })])],
  Sigmoid: (c) => [c.g.op('Mul', [c.dy, c.g.op('Mul', [c.y[0], c.g.op('Sub', [scalar(c.g, 1), c.y[0]])])])],
  Tanh: (c) => [c.g.op('Mul', [c.dy, c.g.op('Sub', [scalar(c.g, 1), c.g.op('Mul', [c.y[0], c.y[0]])])])],
  Gelu: (c) => {
    const { g } = c;
    const x = c.x[0];
    const x2 = g.op('Mul', [x, x]);
    let slope: string;
    if (str(c.node, 'approximate', 'none') === 'tanh') {
      // y = x/2 (1 + tanh u), u = sqrt(2/pi) (x + 0.044715 x^3): y' = (1 + t)/2 + x/2 (1 - t^2) u'
      const k = Math.sqrt(2 / Math.PI);
      const u = g.op('Mul', [scalar(g, k), g.op('Add', [x, g.op('Mul', [scalar(g, 0.044715), g.op('Mul', [x2, x])])])]);
      const t = g.op('Tanh', [u]);
      const du = g.op('Mul', [scalar(g, k), g.op('Add', [scalar(g, 1), g.op('Mul', [scalar(g, 3 * 0.044715), x2])])]);
      const half1 = g.op('Mul', [scalar(g, 0.5), g.op('Add', [scalar(g, 1), t])]);
      const half2 = g.op('Mul', [g.op('Mul', [scalar(g, 0.5), x]), g.op('Mul', [g.op('Sub', [scalar(g, 1), g.op('Mul', [t, t])]), du])]);
      slope = g.op('Add', [half1, half2]);
    } else {
      // y = x Phi(x): y' = Phi(x) + x phi(x)
      const Phi = g.op('Mul', [scalar(g, 0.5), g.op('Add', [scalar(g, 1), g.op('Erf', [g.op('Mul', [x, scalar(g, Math.SQRT1_2)])])])]);
      const phi = g.op('Mul', [scalar(g, 1 / Math.sqrt(2 * Math.PI)), g.op('Exp', [g.op('Mul', [x2, scalar(g, -0.5)])])]);
      slope = g.op('Add', [Phi, g.op('Mul', [x, phi])]);
    }
    return [g.op('Mul', [c.dy, slope])];
  },
  BatchNormalization: (c) => {
    // inference form y = scale (x - mean) / sqrt(var + eps) + B: a per-channel scaling
    if (int(c.node, 'training_mode', 0)) unsupported(c, 'runs in training mode');
    const scale = c.constant(1);
    const v = c.constant(4);
    if (!scale || !v) unsupported(c, 'has a scale or variance that is not a constant');
    const eps = flt(c.node, 'epsilon', 1e-5);
    const C = scale!.data.length;
    const factor = Float32Array.from(scale!.data as Float32Array, (s, i) => s / Math.sqrt((v!.data as Float32Array)[i] + eps));
    const shape = [C, ...Array(Math.max(0, c.inShape0.length - 2)).fill(1)];
    return [c.g.op('Mul', [c.dy, c.g.constant(float32(factor, shape))]), null, null, null, null];
  },
  MaxPool: (c) => {
    checkAutoPad(c);
    if (int(c.node, 'storage_order', 0)) unsupported(c, 'uses column-major storage_order');
    const { g } = c;
    // route each output's gradient to the input element it took (indices over the flattened
    // N x C x H x W input, padding not counted); overlapping windows add up
    const [, indices] = g.opN('MaxPool', [c.x[0]], 2, c.node.attributes);
    const flat = g.constant(int64([-1], [1]));
    const zeros = g.op('Reshape', [g.op('ConstantOfShape', [g.op('Shape', [c.x[0]])]), flat]);
    const scattered = g.op('ScatterElements', [zeros, g.op('Reshape', [indices, flat]), g.op('Reshape', [c.dy, flat])], { axis: 0, reduction: 'add' });
    return [g.op('Reshape', [scattered, g.op('Shape', [c.x[0]])])];
  },
  AveragePool: (c) => {
    checkAutoPad(c);
    if (int(c.node, 'ceil_mode', 0)) unsupported(c, 'uses ceil_mode');
    const kernel = ints(c.node, 'kernel_shape', []);
    if (kernel.length !== 2 || c.inShape0.length !== 4) unsupported(c, 'is not a 2-D pool');
    const C = c.inShape0[1];
    const [Ho, Wo] = [c.outShape[2], c.outShape[3]];
    const [H, W] = [c.inShape0[2], c.inShape0[3]];
    const strides = ints(c.node, 'strides', [1, 1]);
    const pads = ints(c.node, 'pads', [0, 0, 0, 0]);
    // divisor of each window: k*k, or with count_include_pad = 0 the window's pixels inside the image
    const include = int(c.node, 'count_include_pad', 0) === 1;
    const inv = new Float32Array(Ho * Wo);
    for (let i = 0; i < Ho; i++)
      for (let j = 0; j < Wo; j++) {
        const r0 = i * strides[0] - pads[0];
        const c0 = j * strides[1] - pads[1];
        const rows = include ? kernel[0] : Math.min(H, r0 + kernel[0]) - Math.max(0, r0);
        const cols = include ? kernel[1] : Math.min(W, c0 + kernel[1]) - Math.max(0, c0);
        inv[i * Wo + j] = 1 / (rows * cols);
      }
    const scaled = c.g.op('Mul', [c.dy, c.g.constant(float32(inv, [Ho, Wo]))]);
    const ones = c.g.constant(float32(new Float32Array(C * kernel[0] * kernel[1]).fill(1), [C, 1, kernel[0], kernel[1]]));
    return [transposedWindow(c, scaled, ones, kernel, C)];
  },
  Add: (c) => [c.wants[0] ? unbroadcast(c, c.dy, c.inShapes[0]) : null, c.wants[1] ? unbroadcast(c, c.dy, c.inShapes[1]) : null],
  Flatten: reshapeBack,
  Reshape: reshapeBack,
  Dropout: passThrough,
  Identity: passThrough,
  Pad: (c) => {
    if (str(c.node, 'mode', 'constant') !== 'constant') unsupported(c, `pads in mode ${str(c.node, 'mode', '')}`);
    const rank = c.inShape0.length;
    const padsT = c.constant(1);
    const pads = padsT ? Array.from(padsT.data as BigInt64Array, Number) : ints(c.node, 'pads', []);
    const axesT = c.x.length > 3 && c.x[3] ? c.constant(3) : undefined;
    const axes = axesT ? Array.from(axesT.data as BigInt64Array, (a) => (Number(a) + rank) % rank) : Array.from({ length: rank }, (_, i) => i);
    if (pads.length !== 2 * axes.length) unsupported(c, 'has pads that are not a constant');
    const starts = axes.map((a, i) => pads[i]);
    const ends = axes.map((a, i) => pads[i] + c.inShape0[a]);
    if (pads.some((p) => p < 0)) unsupported(c, 'crops (negative pads)');
    return [c.g.op('Slice', [c.dy, c.g.constant(int64(starts, [axes.length])), c.g.constant(int64(ends, [axes.length])), c.g.constant(int64(axes, [axes.length]))]), null, null, null];
  },
};
