import type { GraphBuilder } from '../engine/index.js';
import { scalar } from './graphOps.js';

/** Optimiser settings shared by every trainer. */
export type OptimizerName = 'sgd' | 'adam';

/** Adam's constants (Kingma & Ba 2015, Algorithm 1 defaults). */
export interface AdamConstants {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
}

/**
 * Names of the optimiser state tensors of a parameter: one velocity for SGD with momentum, none
 * for plain SGD (momentum 0: the step needs no memory, and carrying a velocity would cost an
 * extra pass over every weight matrix per step), two moments for Adam.
 */
export function stateNames(optimizer: OptimizerName, param: string, momentum: number): string[] {
  if (optimizer === 'adam') return [`${param}.m`, `${param}.s`];
  return momentum > 0 ? [`${param}.v`] : [];
}

/** The optimiser of a training graph: its kind and constants (lr, momentum, decay are folded into GEMM coefficients). */
export interface OptimizerSpec {
  readonly optimizer: OptimizerName;
  readonly lr: number;
  readonly momentum: number;
  readonly adam: AdamConstants;
}

/** A product A^T B contributing to a matrix gradient (A [B, m], B [B, n] -> [m, n]). */
export type GemmTerm = readonly [string, string];

/**
 * The gradient of one parameter before its constant factor: a sum of products A^T B (weight
 * matrices), or a vector (biases, already summed over the batch).
 */
export type RawGradient = { readonly terms: readonly GemmTerm[] } | { readonly vector: string };

/**
 * alpha * sum of A^T B over the terms (+ beta C): one Gemm over the terms stacked along the
 * batch axis, [A1; A2]^T [B1; B2] = A1^T B1 + A2^T B2. The stacking copies the small factors but
 * makes one pass over the [m, n] result with twice the inner dimension instead of two passes:
 * the GEMM work of two 64-row terms of a 784-256 layer drops by about 10%, which the copies
 * mostly eat (whole epochs: within the machine's noise, never slower).
 */
export function gemmSum(g: GraphBuilder, terms: readonly GemmTerm[], alpha = 1, start?: { c: string; beta: number }): string {
  const stack = (xs: string[]) => (xs.length === 1 ? xs[0] : g.op('Concat', xs, { axis: 0 }));
  const a = stack(terms.map((t) => t[0]));
  const b = stack(terms.map((t) => t[1]));
  const attrs = { transA: 1, alpha: { float: alpha } };
  return start && start.beta !== 0 ? g.op('Gemm', [a, b, start.c], { ...attrs, beta: { float: start.beta } }) : g.op('Gemm', [a, b], attrs);
}

/**
 * One descent step of parameter p whose gradient (of the objective to minimise) is
 * gain * raw + decay * p, with the optimiser's state tensors (in stateNames order):
 * SGD: v' = mu v - lr grad, p' = p + v' (momentum 0: p' = p - lr grad, no state);
 * Adam: m' = b1 m + (1-b1) grad, s' = b2 s + (1-b2) grad^2, p' = p - lr (m' c1)/(sqrt(s' c2) + eps),
 * with c1, c2 the bias corrections of this step (scalar graph values).
 * For SGD the constants are folded into Gemm's alpha and beta, so a weight matrix is touched by
 * as few elementwise passes as possible (at minibatch 64 they cost as much as the GEMMs):
 * without momentum the whole step is the gradient GEMMs accumulating into p itself.
 */
export function descend(
  g: GraphBuilder,
  o: OptimizerSpec,
  p: string,
  states: readonly string[],
  raw: RawGradient,
  gain: number,
  decay: number,
  bias?: { c1: string; c2: string },
): { param: string; states: string[] } {
  if (o.optimizer === 'sgd') {
    const step = o.lr * gain;
    if (o.momentum === 0) {
      if ('terms' in raw) return { param: gemmSum(g, raw.terms, -step, { c: p, beta: 1 - o.lr * decay }), states: [] };
      const shrunk = decay > 0 ? g.op('Mul', [p, scalar(g, 1 - o.lr * decay)]) : p;
      return { param: g.op('Sub', [shrunk, g.op('Mul', [raw.vector, scalar(g, step)])]), states: [] };
    }
    let v = 'terms' in raw ? gemmSum(g, raw.terms, -step, { c: states[0], beta: o.momentum }) : g.op('Sub', [g.op('Mul', [states[0], scalar(g, o.momentum)]), g.op('Mul', [raw.vector, scalar(g, step)])]);
    if (decay > 0) v = g.op('Sub', [v, g.op('Mul', [p, scalar(g, o.lr * decay)])]);
    return { param: g.op('Add', [p, v]), states: [v] };
  }
  let grad = 'terms' in raw ? gemmSum(g, raw.terms, gain) : g.op('Mul', [raw.vector, scalar(g, gain)]);
  if (decay > 0) grad = g.op('Add', [grad, g.op('Mul', [scalar(g, decay), p])]);
  const { beta1, beta2, epsilon } = o.adam;
  const m = g.op('Add', [g.op('Mul', [scalar(g, beta1), states[0]]), g.op('Mul', [scalar(g, 1 - beta1), grad])]);
  const sq = g.op('Add', [g.op('Mul', [scalar(g, beta2), states[1]]), g.op('Mul', [scalar(g, 1 - beta2), g.op('Mul', [grad, grad])])]);
  const num = g.op('Mul', [m, bias!.c1]);
  const den = g.op('Add', [g.op('Sqrt', [g.op('Mul', [sq, bias!.c2])]), scalar(g, epsilon)]);
  const param = g.op('Sub', [p, g.op('Mul', [scalar(g, o.lr), g.op('Div', [num, den])])]);
  return { param, states: [m, sq] };
}
