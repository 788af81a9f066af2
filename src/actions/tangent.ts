import { InputRangeError } from '../core/errors.js';
import type { LieGroup } from '../groups/lie/LieGroup.js';
import { borderIndex } from './borderIndex.js';
import { checkStack, type BorderMode, type ImageStack } from './imageStack.js';

/**
 * Image gradient (d/du, d/dv) in centred pixel coordinates (u right, v down) by fourth-order
 * central differences, f'(j) ~ (f[j-2] - 8 f[j-1] + 8 f[j+1] - f[j+2]) / 12 (exact for
 * quartics; Fornberg, Math. Comp. 51 (1988) 699-706, table 1), with pixels beyond the frame
 * read by the border rule. Returns [du, dv], each h*w float64.
 */
export function imageGradient(x: ArrayLike<number>, h: number, w: number, border: BorderMode = 'zero'): [Float64Array, Float64Array] {
  const du = new Float64Array(h * w);
  const dv = new Float64Array(h * w);
  // the image padded by the stencil's reach under the border rule, read once, so that the
  // stencil reads plain memory (the same values as a per-read border rule)
  const r = 2;
  const pw = w + 2 * r;
  const pad = new Float64Array((h + 2 * r) * pw);
  for (let i = -r; i < h + r; i++) {
    const ii = borderIndex(i, h, border);
    for (let j = -r; j < w + r; j++) {
      const jj = borderIndex(j, w, border);
      pad[(i + r) * pw + j + r] = ii < 0 || jj < 0 ? 0 : x[ii * w + jj];
    }
  }
  for (let i = 0; i < h; i++)
    for (let j = 0; j < w; j++) {
      const c = (i + r) * pw + j + r;
      du[i * w + j] = (pad[c - 2] - 8 * pad[c - 1] + 8 * pad[c + 1] - pad[c + 2]) / 12;
      dv[i * w + j] = (pad[c - 2 * pw] - 8 * pad[c - pw] + 8 * pad[c + pw] - pad[c + 2 * pw]) / 12;
    }
  return [du, dv];
}

/**
 * Tangent vectors of the orbit at x: for each Lie-algebra basis element A_i,
 * L_i x = d/dt (exp(t A_i).x) at t = 0 = -grad x(p) . (A_i p~), p~ = (u, v, 1), since
 * (g.x)(p) = x(g^-1 p). Gradients from `imageGradient` (fourth-order central differences).
 * This is the derivative for the smooth image that the samples represent, not for a particular
 * interpolant: the bilinear resampler's symmetric difference at the nodes is the second-order
 * central difference, and ONNX's bicubic kernel (Keys, a = -0.75) has node slopes 1.5 times it.
 * Returns (k, h*w) float64, row i = L_i x.
 */
export function tangentVectors(x: ArrayLike<number>, h: number, w: number, group: LieGroup, border: BorderMode = 'zero'): Float64Array {
  if (x.length !== h * w) throw new InputRangeError(`tangentVectors: image has ${x.length} values, expected ${h}*${w}`);
  const [du, dv] = imageGradient(x, h, w, border);
  const k = group.dim;
  const n = h * w;
  const out = new Float64Array(k * n);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  group.basis.forEach((A, b) => {
    for (let i = 0; i < h; i++)
      for (let j = 0; j < w; j++) {
        const u = j - cx;
        const v = i - cy;
        const vu = A[0] * u + A[1] * v + A[2];
        const vv = A[3] * u + A[4] * v + A[5];
        out[b * n + i * w + j] = -(du[i * w + j] * vu + dv[i * w + j] * vv);
      }
  });
  return out;
}

/** tangentVectors for every image of a stack: (F, k, h*w) float64. */
export function tangentBatch(images: ImageStack, group: LieGroup, border: BorderMode = 'zero'): Float64Array {
  checkStack('tangentBatch', images);
  const n = images.height * images.width;
  const out = new Float64Array(images.count * group.dim * n);
  for (let f = 0; f < images.count; f++) {
    out.set(tangentVectors(images.data.subarray(f * n, (f + 1) * n), images.height, images.width, group, border), f * group.dim * n);
  }
  return out;
}
