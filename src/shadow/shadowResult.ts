import type { LieShadowGroupName } from '../groups/groupNames.js';
/** The group families a shadow can be fitted in on any signal: GL(n), O(n), pixel permutations. */
export type MatrixShadowFamily = 'gl' | 'o' | 'perm';

/** Image-plane Lie families (continuous, via resampling): rigid motions, similarities, linear and affine maps. */
export type LieShadowFamily = LieShadowGroupName;

/** Every family `shadow` accepts; the image families need the image height and width. */
export type ShadowFamily = MatrixShadowFamily | LieShadowFamily | 'p4m';

/** What every shadow fit reports. */
interface ShadowBase {
  readonly family: ShadowFamily;
  /**
   * Shadow error delta = sum_i ||A(x_i) - g*.x_i||^2 / sum_i ||x_i||^2 (computed from the returned
   * element; for 'o' from the optimum's closed form, which that element attains to rounding).
   */
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
 * Family 'perm' searches all of S_n; 'p4m' only the 8 n^2 symmetries of the n x n torus.
 */
export interface PermutationShadow extends ShadowBase {
  readonly family: 'perm' | 'p4m';
  readonly element: Int32Array;
}

/**
 * An image-plane Lie shadow: `element` is the 3x3 affine matrix of g* acting on centred pixel
 * coordinates (u right, v down, origin at the image centre; see LieGroup), with
 * (g.x)(p) = x(g^-1 p); `params` are its coordinates in the group's parameters (`paramNames`).
 * The error is measured with the stated interpolation and border rule.
 */
export interface LieShadow extends ShadowBase {
  readonly family: LieShadowFamily;
  readonly element: Float64Array;
  readonly params: Float64Array;
  readonly paramNames: readonly string[];
  readonly height: number;
  readonly width: number;
  readonly interp: 'bilinear' | 'bicubic';
  readonly border: 'zero' | 'periodic' | 'reflect';
  /** Elements tried by the coarse grid, and the inputs it used (the first `gridInputs`). */
  readonly gridSize: number;
  readonly gridInputs: number;
  /** Shadow error on all inputs of the best grid element, before refinement. */
  readonly gridError: number;
  /** Gauss-Newton (Levenberg-Marquardt) steps taken, accepted or not. */
  readonly iterations: number;
}

/** The uniform result of every shadow fit. */
export type ShadowResult = MatrixShadow | PermutationShadow | LieShadow;
