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

/** Names of the optimiser state tensors of a parameter: one velocity for SGD, two moments for Adam. */
export function stateNames(optimizer: OptimizerName, param: string): string[] {
  return optimizer === 'sgd' ? [`${param}.v`] : [`${param}.m`, `${param}.s`];
}

/**
 * Graph inputs that hold the per-step scalars of one update: lr and momentum (SGD), or lr and
 * the bias corrections c1 = 1/(1-beta1^t), c2 = 1/(1-beta2^t) (Adam), the last two as [K]
 * vectors indexed by step so that one unrolled graph covers K consecutive t.
 */
export interface UpdateScalars {
  readonly lr: string;
  readonly momentum?: string;
  readonly c1?: string;
  readonly c2?: string;
}

/**
 * One descent update of parameter p with gradient grad (of the objective to minimise):
 * SGD with momentum: v' = mu v - lr grad, p' = p + v'.
 * Adam: m' = b1 m + (1-b1) grad, s' = b2 s + (1-b2) grad^2, p' = p - lr (m' c1)/(sqrt(s' c2) + eps).
 * Returns the new parameter and new states (same order as stateNames).
 */
export function update(
  g: GraphBuilder,
  optimizer: OptimizerName,
  adam: AdamConstants,
  s: UpdateScalars,
  p: string,
  grad: string,
  states: readonly string[],
): { param: string; states: string[] } {
  if (optimizer === 'sgd') {
    const v = g.op('Sub', [g.op('Mul', [s.momentum!, states[0]]), g.op('Mul', [s.lr, grad])]);
    return { param: g.op('Add', [p, v]), states: [v] };
  }
  const m = g.op('Add', [g.op('Mul', [scalar(g, adam.beta1), states[0]]), g.op('Mul', [scalar(g, 1 - adam.beta1), grad])]);
  const sq = g.op('Add', [g.op('Mul', [scalar(g, adam.beta2), states[1]]), g.op('Mul', [scalar(g, 1 - adam.beta2), g.op('Mul', [grad, grad])])]);
  const num = g.op('Mul', [m, s.c1!]);
  const den = g.op('Add', [g.op('Sqrt', [g.op('Mul', [sq, s.c2!])]), scalar(g, adam.epsilon)]);
  const param = g.op('Sub', [p, g.op('Mul', [s.lr, g.op('Div', [num, den])])]);
  return { param, states: [m, sq] };
}

/** A product A^T B contributing to a matrix gradient (A [B, m], B [B, n] -> [m, n]). */
export type GemmTerm = readonly [string, string];

/** Sum of A^T B over the terms, accumulated through Gemm's C input (no separate Add pass). */
export function gemmSum(g: GraphBuilder, terms: readonly GemmTerm[], alpha = 1, start?: { c: string; beta: number }): string {
  let acc = start?.c ?? '';
  terms.forEach(([a, b], i) => {
    const first = i === 0 && start === undefined;
    const beta = i === 0 ? (start?.beta ?? 0) : 1;
    acc = first || beta === 0 ? g.op('Gemm', [a, b], { transA: 1, alpha: { float: alpha } }) : g.op('Gemm', [a, b, acc], { transA: 1, alpha: { float: alpha }, beta: { float: beta } });
  });
  return acc;
}

/**
 * SGD with momentum for a weight matrix whose gradient is sum(A^T B) + decay * p, folded into
 * Gemm's alpha and beta so the [m, n] matrix is touched by as few elementwise passes as
 * possible (they cost as much as the GEMMs at minibatch 64):
 * v' = mu v - lr (sum A^T B + decay p), p' = p + v'. lr, mu and decay are constants.
 */
export function sgdMatrixUpdate(g: GraphBuilder, p: string, v: string, terms: readonly GemmTerm[], lr: number, mu: number, decay: number): { param: string; states: string[] } {
  let vNew = gemmSum(g, terms, -lr, mu > 0 ? { c: v, beta: mu } : undefined);
  if (decay > 0) vNew = g.op('Sub', [vNew, g.op('Mul', [p, scalar(g, lr * decay)])]);
  return { param: g.op('Add', [p, vNew]), states: [vNew] };
}
