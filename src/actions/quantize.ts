import { checkFinite, checkInteger } from '../core/validate.js';

/**
 * Quantise pixel values to integer levels, the colours whose ordered partition the stabilizer
 * preserves. Without `levels`: exact values (equal floats share a level; levels numbered by
 * increasing value). With Q = levels >= 2: level = round((x - min) / (max - min) * (Q - 1)), so
 * min and max map to 0 and Q-1 (a binary image stays binary); a constant image is all level 0.
 * (Compression bins its images differently: equalWidthBins, Q bins by floor, in analysis.)
 */
export function quantizeLevels(pixels: ArrayLike<number>, levels?: number): Int32Array {
  checkFinite('quantizeLevels', 'pixels', pixels);
  const out = new Int32Array(pixels.length);
  if (levels === undefined) {
    const distinct = [...new Set(Array.from(pixels))].sort((a, b) => a - b);
    const index = new Map(distinct.map((v, i) => [v, i]));
    for (let p = 0; p < pixels.length; p++) out[p] = index.get(pixels[p])!;
    return out;
  }
  checkInteger('quantizeLevels', 'levels', levels, 2);
  let lo = Infinity;
  let hi = -Infinity;
  for (let p = 0; p < pixels.length; p++) {
    lo = Math.min(lo, pixels[p]);
    hi = Math.max(hi, pixels[p]);
  }
  if (hi === lo) return out;
  for (let p = 0; p < pixels.length; p++) out[p] = Math.round(((pixels[p] - lo) / (hi - lo)) * (levels - 1));
  return out;
}
