import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { InputRangeError } from '../../core/errors.js';
import { imageWindow, type WindowKind } from '../../actions/imageWindow.js';
import { tangentVectors } from '../../actions/tangent.js';
import { DEFAULT_RANK_TOL, type OrbitDimension } from '../../actions/orbitDimension.js';
import type { BorderMode } from '../../actions/imageStack.js';
import type { LieGroup } from '../../groups/lie/LieGroup.js';
import type { CheckResult } from './checkResult.js';

/** The stabilizer Lie algebra of an image, computed as a null space. */
export interface StabilizerAlgebra {
  /** Dimension of {a in R^k : sum_i a_i L_i x = 0} at the tolerance. */
  readonly dim: number;
  /** Orthonormal basis of that null space, in the group's algebra coordinates. */
  readonly basis: number[][];
  /** Largest ||W J a|| / ||W x|| over the basis (each should be <= tol). */
  readonly worstResidual: number;
}

/** Options; defaults match orbitDimension's (tol 1e-2, border 'zero', disk window with a 2 px stencil margin). */
export interface StabilizerAlgebraOptions {
  readonly tol?: number;
  readonly border?: BorderMode;
  readonly window?: WindowKind | Float32Array;
}

/**
 * The stabilizer's Lie algebra of x: the null space of the generators' action a -> sum a_i L_i x
 * (L_i the Lie-algebra basis acting on the image, rows weighted by the window), from a direct SVD
 * of the n x k matrix W J (ml-matrix, Golub-Kahan), not from the k x k Gram matrix that
 * orbitDimension diagonalises: directions whose singular value is at most tol * ||W x||.
 */
export function stabilizerAlgebra(x: ArrayLike<number>, h: number, w: number, group: LieGroup, options: StabilizerAlgebraOptions = {}): StabilizerAlgebra {
  const tol = options.tol ?? DEFAULT_RANK_TOL;
  const border = options.border ?? 'zero';
  const win = options.window instanceof Float32Array ? options.window : imageWindow(h, w, options.window ?? 'disk', 2, border === 'periodic' ? 0 : 2);
  const n = h * w;
  if (win.length !== n) throw new InputRangeError(`stabilizerAlgebra: window has ${win.length} weights, expected ${n}`);
  const k = group.dim;
  const L = tangentVectors(x, h, w, group, border);
  const WJ = new Matrix(n, k);
  let norm2 = 0;
  for (let p = 0; p < n; p++) {
    norm2 += (win[p] * x[p]) ** 2;
    for (let a = 0; a < k; a++) WJ.set(p, a, win[p] * L[a * n + p]);
  }
  if (!(norm2 > 0)) throw new InputRangeError('stabilizerAlgebra: the image is zero inside the window');
  const norm = Math.sqrt(norm2);
  const svd = new SingularValueDecomposition(WJ, { computeLeftSingularVectors: false, autoTranspose: true });
  const V = svd.rightSingularVectors;
  const basis: number[][] = [];
  svd.diagonal.forEach((s, j) => {
    if (s / norm <= tol) basis.push(V.getColumn(j));
  });
  let worstResidual = 0;
  for (const a of basis) {
    const r = WJ.mmul(Matrix.columnVector(a)).norm() / norm;
    worstResidual = Math.max(worstResidual, r);
  }
  return { dim: basis.length, basis, worstResidual };
}

/**
 * C0 for a Lie group, made independent: the stabilizer dimension reported by orbitDimension
 * (dim G - tangent rank) against the null space of the generators' action computed separately,
 * and the tangent rank against dim G minus that null space.
 */
export function checkLieStabilizer(name: string, x: ArrayLike<number>, h: number, w: number, group: LieGroup, reported: Pick<OrbitDimension, 'orbitDim' | 'stabilizerDim' | 'tol'>, options: Omit<StabilizerAlgebraOptions, 'tol'> = {}): CheckResult {
  const algebra = stabilizerAlgebra(x, h, w, group, { ...options, tol: reported.tol });
  const k = group.dim;
  const facts = `dim G = ${k}, tangent rank ${reported.orbitDim}, reported dim S = ${reported.stabilizerDim}, null space of the generators' action ${algebra.dim} (worst residual ${algebra.worstResidual.toExponential(2)} <= tol ${reported.tol})`;
  const passed = algebra.dim === reported.stabilizerDim && reported.orbitDim === k - algebra.dim && algebra.worstResidual <= reported.tol;
  return { name, passed, details: passed ? facts : `MISMATCH: ${facts}` };
}
