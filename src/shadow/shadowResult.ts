/** The group families a shadow can be fitted in. */
export type ShadowFamily = 'gl' | 'o' | 'perm';

/** What every shadow fit reports. */
interface ShadowBase {
  readonly family: ShadowFamily;
  /** Shadow error delta = sum_i ||A(x_i) - g*.x_i||^2 / sum_i ||x_i||^2 (computed from the returned element). */
  readonly error: number;
  /** The numerator of `error`: sum_i ||A(x_i) - g*.x_i||^2. */
  readonly sumSquaredError: number;
  /** The denominator of `error`: sum_i ||x_i||^2. */
  readonly sumSquaredInput: number;
  /** n, the signal dimension. */
  readonly dim: number;
}

/**
 * A matrix shadow (GL(n) or O(n)): `element` is the n x n row-major matrix G with g.x = G x,
 * so A(x) ~ G x.
 */
export interface MatrixShadow extends ShadowBase {
  readonly family: 'gl' | 'o';
  readonly element: Float64Array;
  /** sigma_max(G) / sigma_min(G), Infinity when G is numerically singular; GL only, absent when not asked for. */
  readonly conditionNumber?: number;
  /** Numerical rank of G (singular values above n 2^-24 sigma_max); GL only, with conditionNumber. */
  readonly rank?: number;
  /** The absolute ridge lambda added to X^T X (GL only): the relative ridge times tr(X^T X) / n. */
  readonly ridgeLambda?: number;
}

/**
 * A pixel-permutation shadow: `element` is sigma as a 0-based Int32Array, with the SPEC's
 * action (g.x)[p] = x[sigma^-1(p)], i.e. pixel q of x moves to position sigma[q].
 */
export interface PermutationShadow extends ShadowBase {
  readonly family: 'perm';
  readonly element: Int32Array;
}

/** The uniform result of every shadow fit. */
export type ShadowResult = MatrixShadow | PermutationShadow;
