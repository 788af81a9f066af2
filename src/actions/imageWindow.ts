import { checkInteger } from '../core/validate.js';
import { InputRangeError } from '../core/errors.js';

/** Window kinds: the soft inscribed disk, or all ones. */
export type WindowKind = 'disk' | 'none';

/**
 * Weights W(p) (h*w, row-major) inside which continuous-group distances and tangent ranks are
 * measured, so that content entering or leaving the frame does not pose as asymmetry.
 * 'disk': the soft inscribed disk about the image centre, W = 1 for r <= R - taper, then
 * cos^2 down to 0 at r = R, with R = (min(h, w) - 1)/2 - margin (margin 0: pixel centres on the
 * frame's inner edge; tangent ranks use margin 2, the reach of the derivative stencil)
 * and r the distance of the pixel centre from the centre ((w-1)/2, (h-1)/2). Rotations about the
 * centre map the disk to itself, so every weighted pixel reads from inside the frame.
 * 'none': W = 1 everywhere, except within `margin` pixels of the frame, which get 0 (for periodic borders, where nothing leaves the frame).
 */
export function imageWindow(h: number, w: number, kind: WindowKind = 'disk', taper = 2, margin = 0): Float32Array {
  checkInteger('imageWindow', 'h', h, 1);
  checkInteger('imageWindow', 'w', w, 1);
  const out = new Float32Array(h * w);
  if (kind === 'none') {
    for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) out[i * w + j] = Math.min(i, j, h - 1 - i, w - 1 - j) >= margin ? 1 : 0;
    return out;
  }
  if (kind !== 'disk') throw new InputRangeError(`imageWindow: kind must be disk or none, got "${kind}"`);
  if (!(taper >= 0)) throw new InputRangeError(`imageWindow: taper must be >= 0, got ${taper}`);
  if (!(margin >= 0)) throw new InputRangeError(`imageWindow: margin must be >= 0, got ${margin}`);
  const R = (Math.min(h, w) - 1) / 2 - margin;
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      const r = Math.hypot(j - cx, i - cy);
      let v = 0;
      if (r <= R - taper) v = 1;
      else if (r < R) v = Math.cos(((Math.PI / 2) * (r - (R - taper))) / taper) ** 2;
      out[i * w + j] = v;
    }
  }
  return out;
}
