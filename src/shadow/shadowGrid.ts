import { InputRangeError } from '../core/index.js';
import { mat3Exp, mat3Mul, type Mat3 } from '../groups/lie/mat3.js';
import type { LieShadowFamily } from './shadowResult.js';

/** The coarse grid of an image-plane shadow search (units: pixels and radians). */
export interface ShadowGridOptions {
  /** Rotation angles, evenly spaced over the full circle starting at -pi (default 36: every 10 degrees, including 0 and +-90). */
  readonly angles?: number;
  /** Translations: a square lattice of this step (px) within the disk of `translationRadius` (defaults 2 and 4: 13 points). */
  readonly translationStep?: number;
  readonly translationRadius?: number;
  /** Sim(2): log-scales evenly spaced in [-logScaleRange, logScaleRange] (defaults 5 values, ln 2). */
  readonly logScales?: number;
  readonly logScaleRange?: number;
  /** GL(2)/Aff(2): symmetric part S of the linear part R(theta) exp(S) (F), each of its 3 entries in {-r, 0, r}, r = linearRange (default 0.25). */
  readonly linearRange?: number;
}

function evenly(count: number, lo: number, hi: number): number[] {
  if (count === 1) return [(lo + hi) / 2];
  return Array.from({ length: count }, (_, k) => lo + ((hi - lo) * k) / (count - 1));
}

/** Rotation angles -pi + 2 pi k / count, k = 0..count-1. */
export function gridAngles(count: number): number[] {
  return Array.from({ length: count }, (_, k) => -Math.PI + (2 * Math.PI * k) / count);
}

/** Lattice points (a s, b s), integers a, b, with norm <= radius (always holds the origin). */
export function gridTranslations(step: number, radius: number): [number, number][] {
  if (!(step > 0)) throw new InputRangeError(`shadowGrid: translationStep must be > 0, got ${step}`);
  if (!(radius >= 0)) throw new InputRangeError(`shadowGrid: translationRadius must be >= 0, got ${radius}`);
  const out: [number, number][] = [];
  const m = Math.floor(radius / step);
  for (let a = -m; a <= m; a++) for (let b = -m; b <= m; b++) if (Math.hypot(a * step, b * step) <= radius + 1e-12) out.push([a * step, b * step]);
  return out;
}

const rotation = (t: number): Mat3 => Float64Array.of(Math.cos(t), -Math.sin(t), 0, Math.sin(t), Math.cos(t), 0, 0, 0, 1);
const translation = (tx: number, ty: number): Mat3 => Float64Array.of(1, 0, tx, 0, 1, ty, 0, 0, 1);

/**
 * The linear parts of the GL(2) grid: R(theta) exp(S) and R(theta) exp(S) F, with theta on the
 * angle grid, S = [[s1, s3], [s3, s2]] symmetric with entries in {-r, 0, r} and F = diag(1, -1)
 * (so reflections, the other component of GL(2), are searched too). By the polar decomposition
 * every invertible 2x2 matrix is R exp(S) or R exp(S) F, so the grid samples all of GL(2) near
 * the orthogonal matrices (36 x 27 x 2 = 1944 elements by default).
 */
export function linearGrid(o: ShadowGridOptions = {}): Mat3[] {
  const r = o.linearRange ?? 0.25;
  const vals = [-r, 0, r];
  const out: Mat3[] = [];
  const flip = Float64Array.of(1, 0, 0, 0, -1, 0, 0, 0, 1);
  for (const t of gridAngles(o.angles ?? 36)) {
    const R = rotation(t);
    for (const s1 of vals)
      for (const s2 of vals)
        for (const s3 of vals) {
          const P = mat3Mul(R, mat3Exp(Float64Array.of(s1, s3, 0, s3, s2, 0, 0, 0, 0)));
          out.push(P, mat3Mul(P, flip));
        }
  }
  return out;
}

/**
 * The coarse grid of a family as 3x3 affine matrices: SE(2) angles x translations (468 by
 * default), Sim(2) angles x log-scales x translations (2340), GL(2) `linearGrid` (1944). Aff(2)
 * is searched in two stages (see imageShadow), so its first-stage grid is GL(2)'s and
 * `translationGrid` gives the second stage.
 */
export function shadowGrid(family: LieShadowFamily, o: ShadowGridOptions = {}): Mat3[] {
  const angles = o.angles ?? 36;
  if (!Number.isInteger(angles) || angles < 1) throw new InputRangeError(`shadowGrid: angles must be a positive integer, got ${angles}`);
  const shifts = gridTranslations(o.translationStep ?? 2, o.translationRadius ?? 4);
  switch (family) {
    case 'se2':
      return gridAngles(angles).flatMap((t) => shifts.map(([tx, ty]) => mat3Mul(translation(tx, ty), rotation(t))));
    case 'sim2': {
      const range = o.logScaleRange ?? Math.LN2;
      const scales = evenly(o.logScales ?? 5, -range, range);
      return gridAngles(angles).flatMap((t) =>
        scales.flatMap((l) => shifts.map(([tx, ty]) => mat3Mul(translation(tx, ty), rotation(t).map((v, i) => (i === 2 || i === 5 || i >= 6 ? v : v * Math.exp(l)))))),
      );
    }
    case 'gl2':
    case 'aff2':
      return linearGrid(o);
    default:
      throw new InputRangeError(`shadowGrid: unknown family "${String(family)}"`);
  }
}

/** The translations of the grid as matrices p -> p + t (Aff(2)'s second stage). */
export function translationGrid(o: ShadowGridOptions = {}): Mat3[] {
  return gridTranslations(o.translationStep ?? 2, o.translationRadius ?? 4).map(([tx, ty]) => translation(tx, ty));
}
