import type { Mat3 } from './mat3.js';

import type { LieGroupName } from '../groupNames.js';

// The names live in the one registry of group names (src/groups/groupNames.ts).
export { LIE_GROUP_NAMES, type LieGroupName } from '../groupNames.js';

/**
 * A compact box of group elements for epsilon-stabilizer measures: `sample(q)` maps a point
 * q of the unit cube [0,1)^dim to an element (parameters) so that uniform q gives the stated
 * measure on the box (see `description`).
 */
export interface ParameterBox {
  readonly description: string;
  sample(q: ArrayLike<number>): Float64Array;
}

/** Options of the sampling box; units are pixels and radians. */
export interface BoxOptions {
  /** Translations are drawn uniformly from the disk of this radius (pixels); default 4. */
  readonly translationRadius?: number;
  /** log-scale is drawn uniformly from [-r, r]; default ln 2 (scales from 1/2 to 2). */
  readonly logScaleRange?: number;
  /** GL(2)/Aff(2): linear part exp(X), each entry of X uniform in [-r, r]; default 0.25. */
  readonly linearRange?: number;
}

/**
 * An image-plane Lie group, every element an affine map p -> A p + t of the plane.
 *
 * Coordinates (one convention for all of Orbitscope): a point is (u, v) in pixels with the
 * origin at the image centre, u = j - (w-1)/2 to the right and v = i - (h-1)/2 DOWN (row index
 * i grows downwards, j is the column), unit one pixel. Since v points down, the rotation
 * matrix [[cos t, -sin t], [sin t, cos t]] with t > 0 turns the picture clockwise on screen.
 *
 * Elements are parameter vectors (`paramNames`); `matrix(g)` is the 3x3 affine matrix acting on
 * homogeneous coordinates (u, v, 1). compose(a, b) is the matrix product a b: the map that
 * applies b first, then a; on images (g.x)(p) = x(g^-1 p), so g.(h.x) = compose(g, h).x.
 * `basis` is the Lie-algebra basis A_1..A_dim (3x3, last row 0); exp and log use coordinates in
 * that basis: exp(xi) = expm(sum xi_i A_i).
 */
export interface LieGroup {
  readonly name: LieGroupName;
  readonly title: string;
  readonly dim: number;
  readonly paramNames: readonly string[];
  /** Lie-algebra basis as 3x3 matrices; `basisNames[i]` says what A_i does. */
  readonly basis: readonly Mat3[];
  readonly basisNames: readonly string[];
  identity(): Float64Array;
  compose(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array;
  inverse(a: ArrayLike<number>): Float64Array;
  exp(xi: ArrayLike<number>): Float64Array;
  log(a: ArrayLike<number>): Float64Array;
  matrix(a: ArrayLike<number>): Mat3;
  /** Parameters of an affine matrix that lies in the group (no membership check beyond shape). */
  fromMatrix(m: ArrayLike<number>): Float64Array;
  /** A fixed, finite set of elements for law tests and error floors (identity not included). */
  testingElements(): readonly Float64Array[];
  /** The compact box for epsilon-stabilizer measures. */
  box(options?: BoxOptions): ParameterBox;
}

/** The 2x3 top rows of an affine matrix, row-major [a, b, tx, c, d, ty]. */
export function affineRows(m: ArrayLike<number>): Float64Array {
  return Float64Array.of(m[0], m[1], m[2], m[3], m[4], m[5]);
}
