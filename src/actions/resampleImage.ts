import { borderIndex } from './borderIndex.js';
import type { BorderMode, Interpolation } from './imageStack.js';

/**
 * The resampling action of an affine map on one image, per pixel in plain JavaScript, written
 * straight from the definitions: the explorer's g.x (browser-safe, no ONNX Runtime) and the
 * reference the batched ONNX resampler (src/actions/resample.ts) is tested against.
 *
 * (g.x)(p) = x(g^-1 p), p = (u, v) centred pixel coordinates (u = j - (w-1)/2 right,
 * v = i - (h-1)/2 down). Bilinear: the tensor product of hat functions. Bicubic: Keys' cubic
 * convolution with a = -0.75 (the ONNX/PyTorch GridSample kernel). Borders: 'zero' reads 0 off
 * the image, 'periodic' wraps indices (torus), 'reflect' mirrors about the outer pixel edges
 * (half-sample symmetric: ... x1 x0 | x0 x1 ... x_{w-1} | x_{w-1} ...).
 */
function affineInverse2x3(m: ArrayLike<number>): number[] {
  const [a, b, tx, c, d, ty] = [m[0], m[1], m[2], m[3], m[4], m[5]];
  const det = a * d - b * c;
  return [d / det, -b / det, (b * ty - d * tx) / det, -c / det, a / det, (c * tx - a * ty) / det];
}

function cubic(t: number): number {
  const a = -0.75;
  const s = Math.abs(t);
  if (s <= 1) return (a + 2) * s ** 3 - (a + 3) * s ** 2 + 1;
  if (s < 2) return a * s ** 3 - 5 * a * s ** 2 + 8 * a * s - 4 * a;
  return 0;
}

/** One image (h*w, row-major) moved by the affine element g (2x3 or 3x3 rows); float64 out. */
export function resampleImage(
  x: ArrayLike<number>,
  h: number,
  w: number,
  g: ArrayLike<number>,
  interp: Interpolation,
  border: BorderMode,
): Float64Array {
  const gi = affineInverse2x3(g);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  const read = (i: number, j: number) => {
    const ii = borderIndex(i, h, border);
    const jj = borderIndex(j, w, border);
    return ii < 0 || jj < 0 ? 0 : x[ii * w + jj];
  };
  const out = new Float64Array(h * w);
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      const u = j - cx;
      const v = i - cy;
      const sx = gi[0] * u + gi[1] * v + gi[2] + cx;
      const sy = gi[3] * u + gi[4] * v + gi[5] + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      let s = 0;
      if (interp === 'bilinear') {
        s = (1 - fy) * ((1 - fx) * read(y0, x0) + fx * read(y0, x0 + 1)) + fy * ((1 - fx) * read(y0 + 1, x0) + fx * read(y0 + 1, x0 + 1));
      } else {
        for (let a = -1; a <= 2; a++) for (let b = -1; b <= 2; b++) s += cubic(a - fy) * cubic(b - fx) * read(y0 + a, x0 + b);
      }
      out[i * w + j] = s;
    }
  }
  return out;
}
