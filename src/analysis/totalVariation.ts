import { maxAbs } from '../core/linalg/maxAbs.js';
import { checkFeatureImage } from './featureImage.js';

/**
 * Anisotropic total variation of an h x w image, normalised by its peak:
 * TV(x) = (sum over vertically and horizontally adjacent pixel pairs of |x_p - x_q|) / max|x|.
 * Pairs are those inside the grid (free boundary) or, with `periodic`, also the pairs that wrap
 * around the torus. Units: edges of full height, so a one-pixel line of length w in the interior
 * has TV = 2w. The zero image has TV 0. Invariant under x -> a x for a != 0.
 */
export function totalVariation(pixels: ArrayLike<number>, h: number, w: number, periodic = false): number {
  checkFeatureImage('totalVariation', pixels, h, w);
  const peak = maxAbs(pixels);
  if (peak === 0) return 0;
  let tv = 0;
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      const x = pixels[i * w + j];
      if (j + 1 < w) tv += Math.abs(pixels[i * w + j + 1] - x);
      else if (periodic && w > 1) tv += Math.abs(pixels[i * w] - x);
      if (i + 1 < h) tv += Math.abs(pixels[(i + 1) * w + j] - x);
      else if (periodic && h > 1) tv += Math.abs(pixels[j] - x);
    }
  }
  return tv / peak;
}
