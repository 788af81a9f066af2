/**
 * The image-plane element the explorer's sliders set, and its action and distance on one image,
 * computed with the library's own single-image functions so that the page shows exactly the
 * numbers Orbitscope computes (src/actions/resampleImage.ts for g.x, src/actions/imageWindow.ts
 * for the window, src/actions/windowedDistance.ts for the distance; the batched orbitDistances
 * computes the same quantity through ONNX Runtime).
 *
 * Convention (src/groups/lie/LieGroup.ts): pixel (row i, column j) sits at u = j - (w-1)/2,
 * v = i - (h-1)/2 (origin at the image centre, unit one pixel, v pointing DOWN, so a positive
 * angle turns the picture clockwise on screen). The element maps p to A p + t with
 * A = R(angle) . s I . [[1, shear], [0, 1]], and acts by (g.x)(p) = x(g^-1 p), bilinear, zeros
 * outside the frame. Distance: ||W (g.x - x)|| / ||W x|| with W the soft inscribed disk
 * (imageWindow 'disk', taper 2 px), 0 when ||W x|| = 0, as in orbitDistances.
 * Browser-safe: typed arrays only; about 0.1 ms for 28 x 28.
 */
import { imageWindow } from '../../actions/imageWindow.js';
import { resampleImage } from '../../actions/resampleImage.js';
import { windowedDistance } from '../../actions/windowedDistance.js';

/** Slider parameters: angle in degrees, translation in pixels, scale factor, shear. */
export interface PlaneParams {
  angle: number;
  tx: number;
  ty: number;
  scale: number;
  shear: number;
}

export const IDENTITY_PARAMS: PlaneParams = Object.freeze({ angle: 0, tx: 0, ty: 0, scale: 1, shear: 0 });

/** The affine element as 2x3 rows [a, b, tx, c, d, ty] in centred pixel coordinates. */
export function planeRows(p: PlaneParams): Float64Array {
  const th = (p.angle * Math.PI) / 180;
  const cs = Math.cos(th);
  const sn = Math.sin(th);
  const s = p.scale;
  const k = p.shear;
  // R . sI . [[1, k], [0, 1]]
  return Float64Array.of(cs * s, cs * s * k - sn * s, p.tx, sn * s, sn * s * k + cs * s, p.ty);
}

/** g.x for one h x w image (bilinear, zero border): the library's per-pixel resampler. */
export function actPlane(img: ArrayLike<number>, h: number, w: number, p: PlaneParams): Float64Array {
  return resampleImage(img, h, w, planeRows(p), 'bilinear', 'zero');
}

/** The default window of continuous-group distances: the soft inscribed disk. */
export function distanceWindow(h: number, w: number): Float32Array {
  return imageWindow(h, w, 'disk');
}

/** ||g.x - x|| / ||x|| inside the window for one element: the number the feature view shows. */
export function planeDistance(img: ArrayLike<number>, h: number, w: number, p: PlaneParams, win: ArrayLike<number> = distanceWindow(h, w)): number {
  return windowedDistance(actPlane(img, h, w, p), img, win);
}

/** The distance curve over rotation angles 0..360 degrees (step in degrees). */
export function rotationCurve(img: ArrayLike<number>, h: number, w: number, stepDeg = 2): { angle: number; distance: number }[] {
  const win = distanceWindow(h, w);
  const out: { angle: number; distance: number }[] = [];
  for (let a = 0; a <= 360 + 1e-9; a += stepDeg) out.push({ angle: a, distance: planeDistance(img, h, w, { ...IDENTITY_PARAMS, angle: a }, win) });
  return out;
}
