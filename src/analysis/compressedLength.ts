import { deflateRawSync } from 'node:zlib';
import { checkInteger } from '../core/index.js';
import { checkFeatureImage } from './featureImage.js';

/**
 * Defaults of the complexity measures: 8 equal-width bins before compression (3 bits a pixel),
 * components of {|x| > 0.5 max|x|} with 8-connectivity, and a free (not periodic) boundary.
 */
export const COMPLEXITY_DEFAULTS = { bins: 8, threshold: 0.5, connectivity: 8, periodic: false } as const;

/**
 * Histogram bins of an image: `bins` bins of equal width over its own range [min, max],
 * q = min(bins - 1, floor(bins (x - min) / (max - min))), one byte per pixel; a constant image
 * is all bin 0. The map is invariant under x -> a x + b with a > 0. Not the stabilizers'
 * quantiser (quantiseLevels: Q levels, Q - 1 steps, rounding, so min and max are levels 0 and
 * Q - 1): this one floors into bins and serves compression only.
 */
export function equalWidthBins(pixels: ArrayLike<number>, bins: number): Uint8Array {
  checkInteger('equalWidthBins', 'bins', bins, 2, 256);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < pixels.length; i++) {
    lo = Math.min(lo, pixels[i]);
    hi = Math.max(hi, pixels[i]);
  }
  const q = new Uint8Array(pixels.length);
  if (!(hi > lo)) return q;
  const scale = bins / (hi - lo);
  for (let i = 0; i < pixels.length; i++) q[i] = Math.min(bins - 1, Math.floor((pixels[i] - lo) * scale));
  return q;
}

/**
 * Compressed length in bytes of an h x w feature: binned into `bins` equal-width bins (default
 * COMPLEXITY_DEFAULTS.bins, 8) by `equalWidthBins`, one byte per pixel in row-major order, then raw DEFLATE (RFC 1951, no zlib
 * header or checksum) at level 9 with node:zlib. A description-length proxy for complexity:
 * a blank 28 x 28 image takes about 10 bytes, uniform noise over 8 bins about 3/8 byte per pixel.
 */
export function compressedLength(pixels: ArrayLike<number>, h: number, w: number, bins: number = COMPLEXITY_DEFAULTS.bins): number {
  checkFeatureImage('compressedLength', pixels, h, w);
  return deflateRawSync(equalWidthBins(pixels, bins), { level: 9 }).length;
}
