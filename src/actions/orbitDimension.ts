import { InputRangeError } from '../core/errors.js';
import type { LieGroup } from '../groups/lie/LieGroup.js';
import { imageWindow, type WindowKind } from './imageWindow.js';
import { symmetricEigen } from '../core/linalg/symmetricEigen.js';
import { checkStack, type BorderMode, type ImageStack } from './imageStack.js';
import { tangentVectors } from './tangent.js';
import { IMAGE_ORBIT_DEFAULTS } from './defaults.js';

/** Pixels that the derivative stencil reaches beyond its centre: windows keep this far from the frame. */
const STENCIL_REACH = 2;

// the default windows by shape and margin, built once: a run asks for the same one for every
// feature of every snapshot (imageWindow's cosines cost more than the rest of a small image's rank)
const windows = new Map<string, { readonly win: Float32Array; readonly support: Int32Array }>();

/** The pixels of nonzero weight, increasing. */
function windowSupport(win: Float32Array): Int32Array {
  const list: number[] = [];
  win.forEach((v, p) => v !== 0 && list.push(p));
  return Int32Array.from(list);
}

function cachedWindow(h: number, w: number, kind: WindowKind, margin: number): { readonly win: Float32Array; readonly support: Int32Array } {
  const key = `${h}x${w}/${kind}/${margin}`;
  let hit = windows.get(key);
  if (!hit) {
    const win = imageWindow(h, w, kind, 2, margin);
    windows.set(key, (hit = { win, support: windowSupport(win) }));
  }
  return hit;
}

/**
 * Default relative tolerance of the tangent rank: singular values of J above 1e-2 ||W x|| count.
 * Chosen above the discretisation residual of exact symmetries on features about 2 px wide or
 * more (measured on 33x33: 1.8e-3 for rotating a Gaussian blob of sd 3, 3.7e-3 for translating
 * along a tilted logistic edge of scale 1 px) and below the smallest genuine singular values of
 * those features (~0.13). Thinner or sharper features need a tolerance chosen from their spectrum.
 */
export const DEFAULT_RANK_TOL = IMAGE_ORBIT_DEFAULTS.tol;

/** Options of the orbit dimension. */
export interface OrbitDimensionOptions {
  /** Relative tolerance: sigma_i / ||W x|| > tol counts towards the rank; default 1e-2. */
  readonly tol?: number;
  /** Border rule for the derivative stencil at the frame; default 'zero'. */
  readonly border?: BorderMode;
  /** Window; default the soft inscribed disk ('disk') shrunk by the stencil reach (2 px); 'none' keeps all but a 2 px frame, except with periodic borders (all). */
  readonly window?: WindowKind | Float32Array;
}

/** Orbit and stabilizer dimensions of one image, with the spectrum that decides them. */
export interface OrbitDimension {
  readonly dim: number;
  readonly orbitDim: number;
  readonly stabilizerDim: number;
  /** Singular values of W J divided by ||W x||, descending (units: per unit of the algebra coordinate). */
  readonly singularValues: number[];
  /** Right singular vectors (Lie-algebra coordinates in the group's basis), one per singular value. */
  readonly directions: number[][];
  readonly tol: number;
}

/**
 * Orbit dimension of x under a Lie group: the numerical rank of J = [L_1 x ... L_k x]
 * (tangentVectors, rows weighted by the window W) at relative tolerance tol, i.e. the number
 * of singular values sigma_i with sigma_i / ||W x|| > tol; stabilizer dimension k - rank
 * (dim G = dim O + dim S). The singular values come from the eigen-decomposition of the k x k
 * Gram matrix (WJ)^T (WJ) by Jacobi (symmetricEigen in src/core): with k <= 6 this costs O(n k^2), and
 * squaring loses accuracy only for sigma below ~1e-8 sigma_max in float64, far under any
 * tolerance used here. The tolerance is relative to ||W x|| (not to sigma_max) so that a
 * one-parameter group can have rank 0; units differ per generator (translations: per pixel,
 * rotation and linear maps: per radian / unit strain, which weighs pixels by their radius).
 */
export function orbitDimension(x: ArrayLike<number>, h: number, w: number, group: LieGroup, options: OrbitDimensionOptions = {}): OrbitDimension {
  const tol = options.tol ?? DEFAULT_RANK_TOL;
  if (!(tol > 0) || !Number.isFinite(tol)) throw new InputRangeError(`orbitDimension: tol must be a positive number, got ${tol}`);
  const border = options.border ?? 'zero';
  const margin = border === 'periodic' ? 0 : STENCIL_REACH;
  const { win, support } = options.window instanceof Float32Array ? { win: options.window, support: windowSupport(options.window) } : cachedWindow(h, w, options.window ?? 'disk', margin);
  const n = h * w;
  if (win.length !== n) throw new InputRangeError(`orbitDimension: window has ${win.length} weights, expected ${n}`);
  const k = group.dim;
  const L = tangentVectors(x, h, w, group, border);
  // the sums run over the window's support only: a pixel of weight 0 adds +-0, which leaves a
  // sum of finite terms unchanged to the bit (and the disk leaves out about a third of the frame)
  let norm2 = 0;
  for (const p of support) norm2 += (win[p] * x[p]) ** 2;
  if (!(norm2 > 0)) throw new InputRangeError('orbitDimension: the image is zero inside the window, so relative singular values are undefined');
  const gram = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = a; b < k; b++) {
      let s = 0;
      for (const p of support) s += win[p] * win[p] * L[a * n + p] * L[b * n + p];
      gram[a * k + b] = s;
      gram[b * k + a] = s;
    }
  const { values, vectors: columns } = symmetricEigen(gram, k);
  const vectors = Array.from({ length: k }, (_, j) => Array.from({ length: k }, (_, i) => columns[i * k + j]));
  const norm = Math.sqrt(norm2);
  const singularValues = Array.from(values, (l) => Math.sqrt(Math.max(0, l)) / norm);
  const orbitDim = singularValues.filter((s) => s > tol).length;
  return { dim: k, orbitDim, stabilizerDim: k - orbitDim, singularValues, directions: vectors, tol };
}

/** orbitDimension for every image of a stack (F, h, w), e.g. a layer's features. */
export function orbitDimensionBatch(images: ImageStack, group: LieGroup, options: OrbitDimensionOptions = {}): OrbitDimension[] {
  checkStack('orbitDimensionBatch', images);
  const n = images.height * images.width;
  return Array.from({ length: images.count }, (_, f) => orbitDimension(images.data.subarray(f * n, (f + 1) * n), images.height, images.width, group, options));
}
