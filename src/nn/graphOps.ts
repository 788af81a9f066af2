import { float32, int32, int64, type Dim, type GraphBuilder, type Tensor } from '../engine/index.js';

/** Activation functions of autoencoder layers. */
export type Activation = 'sigmoid' | 'tanh' | 'relu' | 'linear';
export const ACTIVATIONS: readonly Activation[] = ['sigmoid', 'tanh', 'relu', 'linear'];

/** A float32 scalar constant. */
export function scalar(g: GraphBuilder, x: number): string {
  return g.constant(float32([x], []));
}

/** An int64 constant of the given values (axes, indices); dims [] when `scalarIndex`. */
export function ints(g: GraphBuilder, values: readonly number[], scalarIndex = false): string {
  return g.constant(int64(values, scalarIndex ? [] : [values.length]));
}

/** y = f(z) for an activation f. */
export function activate(g: GraphBuilder, f: Activation, z: string): string {
  switch (f) {
    case 'sigmoid':
      return g.op('Sigmoid', [z]);
    case 'tanh':
      return g.op('Tanh', [z]);
    case 'relu':
      return g.op('Relu', [z]);
    case 'linear':
      return z;
  }
}

/**
 * A layer's encoder as graph ops, h = f(x W^T + b) with W [h, d]: x [n, d] -> h [n, h]. The one
 * ONNX forward pass of a layer, shared by the training graphs, the stacking encoder and the
 * exported encoder.
 */
export function encodeOp(g: GraphBuilder, f: Activation, x: string, W: string, b: string): string {
  return activate(g, f, g.op('Gemm', [x, W, b], { transB: 1 }));
}

/** A layer's decoder input z' = h V^T + c, with V = W^T when tied (V undefined): h [n, h] -> z' [n, d]; the decoder output is activate(g, g_l, z'). */
export function decoderInputOp(g: GraphBuilder, h: string, W: string, V: string | undefined, c: string): string {
  return V === undefined ? g.op('Gemm', [h, W, c]) : g.op('Gemm', [h, V, c], { transB: 1 });
}

/**
 * dL/dz = dL/dy * f'(z), with f' written through the output y = f(z):
 * sigmoid y(1-y), tanh 1-y^2, relu [y > 0] (derivative 0 at 0), linear 1.
 */
export function backActivate(g: GraphBuilder, f: Activation, y: string, dy: string): string {
  switch (f) {
    case 'sigmoid':
      return g.op('Mul', [dy, g.op('Mul', [y, g.op('Sub', [scalar(g, 1), y])])]);
    case 'tanh':
      return g.op('Mul', [dy, g.op('Sub', [scalar(g, 1), g.op('Mul', [y, y])])]);
    case 'relu':
      return g.op('Mul', [dy, g.op('Cast', [g.op('Greater', [y, scalar(g, 0)])], { to: 1 })]);
    case 'linear':
      return dy;
  }
}

/**
 * Stable softplus log(1 + e^z) = max(z, 0) - log(sigmoid(|z|)); sigmoid(|z|) lies in [1/2, 1], so
 * the log never sees 0 (absolute error below 1e-7 where sigmoid rounds to 1). Written with
 * Sigmoid and Log because ONNX Runtime's own Softplus kernel is scalar: 5x slower here, and it
 * would cost half of a 784-256 training step.
 */
export function softplus(g: GraphBuilder, z: string): string {
  return g.op('Sub', [g.op('Relu', [z]), g.op('Log', [g.op('Sigmoid', [g.op('Abs', [z])])])]);
}

/**
 * Sum over every element of the binary cross-entropy softplus(z) - x z of a sigmoid output
 * r = sigmoid(z) [n, m] against targets x, from z and r (both computed for the gradient anyway),
 * written as sum(relu(z) - x z) - sum(log sigmoid(|z|)) with sigmoid(|z|) = max(r, 1 - r) in
 * [1/2, 1]. The logs are summed as logs of products over groups of `group` elements (a product
 * of 64 factors in [1/2, 1] stays above 2^-64, far from underflow), so the pass over the whole
 * array is a product instead of a transcendental: the textbook form costs 15% of a 784-256
 * training step. `group` must divide the element count; group 1 takes every log.
 */
export function bceSum(g: GraphBuilder, z: string, r: string, x: string, group: number): string {
  const linear = sumAll(g, g.op('Sub', [g.op('Relu', [z]), g.op('Mul', [x, z])]));
  const sigAbs = g.op('Max', [r, g.op('Sub', [scalar(g, 1), r])]);
  const products = group > 1 ? g.op('ReduceProd', [g.op('Reshape', [sigAbs, ints(g, [-1, group])]), ints(g, [1])], { keepdims: 0 }) : sigAbs;
  return g.op('Sub', [linear, sumAll(g, g.op('Log', [products]))]);
}

/** The largest divisor of n that is at most `most` (a group size for bceSum). */
export function largestDivisor(n: number, most: number): number {
  for (let m = Math.min(n, most); m > 1; m--) if (n % m === 0) return m;
  return 1;
}

/** Sum over axis 0 (rows) of a matrix: [B, n] -> [n]. */
export function sumRows(g: GraphBuilder, x: string): string {
  return g.op('ReduceSum', [x, ints(g, [0])], { keepdims: 0 });
}

/** Sum of every element: -> scalar. */
export function sumAll(g: GraphBuilder, x: string): string {
  return g.op('ReduceSum', [x], { keepdims: 0 });
}

/** Name of the graph input that holds piece k of a per-step input (see stepInputs). */
export function stepInputName(name: string, k: number): string {
  return `${name}@${k}`;
}

/**
 * n graph inputs `${name}@k` of shape dims, one per unrolled step (or per step and Gibbs step),
 * instead of one stacked [n, ...dims] input sliced inside the graph: ONNX Runtime copies every
 * slice (Gather and Split are not views), which cost 3% of a 784-256 training step.
 */
export function stepInputs(g: GraphBuilder, name: string, n: number, dims: readonly Dim[]): string[] {
  return Array.from({ length: n }, (_, k) => g.input(stepInputName(name, k), 'float32', dims));
}

/** The feeds of stepInputs from a stacked array [n, ...dims]: views, no copies. */
export function stepSlices(name: string, stacked: Float32Array, n: number, dims: readonly number[]): Record<string, Tensor> {
  const per = stacked.length / n;
  const out: Record<string, Tensor> = {};
  for (let k = 0; k < n; k++) out[stepInputName(name, k)] = float32(stacked.subarray(k * per, (k + 1) * per), dims);
  return out;
}

/**
 * The K minibatches of one graph run, gathered inside the graph: the whole dataset is one input
 * `name` [count, d] (handed to ONNX Runtime without a copy) and step k's rows are the int32
 * input `rows@k` [batch]. Gathering rows in the graph costs less than half of copying them in
 * JavaScript before every run (6 ms an epoch at 784 x 10,000). Returns the K [batch, d] minibatches.
 */
export function minibatchInputs(g: GraphBuilder, name: string, K: number, batch: number, d: number): string[] {
  const data = g.input(name, 'float32', ['count', d]);
  return Array.from({ length: K }, (_, k) => g.op('Gather', [data, g.input(stepInputName('rows', k), 'int32', [batch])], { axis: 0 }));
}

/** The feeds of minibatchInputs: the dataset [count, d], and as rows@k the view order[start + k batch, start + (k + 1) batch). */
export function minibatchFeeds(name: string, data: Float32Array, d: number, order: Int32Array, start: number, K: number, batch: number): Record<string, Tensor> {
  const out: Record<string, Tensor> = { [name]: float32(data, [data.length / d, d]) };
  for (let k = 0; k < K; k++) out[stepInputName('rows', k)] = int32(order.subarray(start + k * batch, start + (k + 1) * batch), [batch]);
  return out;
}

/** Stack K scalars into a [K] vector. */
export function stackScalars(g: GraphBuilder, xs: readonly string[]): string {
  const axes = ints(g, [0]);
  return g.op('Concat', xs.map((x) => g.op('Unsqueeze', [x, axes])), { axis: 0 });
}

/** Bernoulli sample: 1 where u < p else 0 (u uniform in [0,1) from RandomSource). */
export function bernoulli(g: GraphBuilder, p: string, u: string): string {
  return g.op('Cast', [g.op('Less', [u, p])], { to: 1 });
}
