import { float32, int64, type GraphBuilder } from '../engine/index.js';

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

/** Sum over axis 0 (rows) of a matrix: [B, n] -> [n]. */
export function sumRows(g: GraphBuilder, x: string): string {
  return g.op('ReduceSum', [x, ints(g, [0])], { keepdims: 0 });
}

/** Sum of every element: -> scalar. */
export function sumAll(g: GraphBuilder, x: string): string {
  return g.op('ReduceSum', [x], { keepdims: 0 });
}

/** Step k of a stacked input [K, ...] -> [...]. */
export function stepOf(g: GraphBuilder, stacked: string, k: number): string {
  return g.op('Gather', [stacked, ints(g, [k], true)], { axis: 0 });
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
