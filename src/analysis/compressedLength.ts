import { deflateRawSync } from 'node:zlib';
import { checkInteger } from '../core/index.js';
import { checkFeatureImage } from './featureImage.js';

/**
 * Quantise an image to `levels` equal-width levels over its own range [min, max]:
 * q = min(levels - 1, floor(levels (x - min) / (max - min))), one byte per pixel; a constant
 * image is all level 0. The map is invariant under x -> a x + b with a > 0.
 */
export function equalWidthBins(pixels: ArrayLike<number>, levels: number): Uint8Array {
  checkInteger('equalWidthBins', 'levels', levels, 2, 256);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < pixels.length; i++) {
    lo = Math.min(lo, pixels[i]);
    hi = Math.max(hi, pixels[i]);
  }
  const q = new Uint8Array(pixels.length);
  if (!(hi > lo)) return q;
  const scale = levels / (hi - lo);
  for (let i = 0; i < pixels.length; i++) q[i] = Math.min(levels - 1, Math.floor((pixels[i] - lo) * scale));
  return q;
}

/**
 * Compressed length in bytes of an h x w feature: quantised to `levels` levels (default 8) by
 * `equalWidthBins`, one byte per pixel in row-major order, then raw DEFLATE (RFC 1951, no zlib
 * header or checksum) at level 9 with node:zlib. A description-length proxy for complexity:
 * a blank 28 x 28 image takes about 10 bytes, uniform noise over 8 levels about 3/8 byte per pixel.
 */
export function compressedLength(pixels: ArrayLike<number>, h: number, w: number, levels = 8): number {
  checkFeatureImage('compressedLength', pixels, h, w);
  return deflateRawSync(equalWidthBins(pixels, levels), { level: 9 }).length;
}
