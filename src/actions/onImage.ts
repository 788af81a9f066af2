import { InputRangeError } from '../core/errors.js';

/**
 * The action of a pixel permutation on an image, in the one action signature act(x, g):
 * (x^g)[p^g] = x[p], i.e. the value at pixel p moves to pixel p^g. A right action (g first, the
 * GAP product): onImage(onImage(x, g), h) = onImage(x, g*h). `g` holds 0-based images; x is
 * row-major (p = row*w + col). Cost O(pixels).
 */
export function onImage<T extends Float32Array | Float64Array | Int32Array>(x: T, g: Int32Array): T {
  if (g.length !== x.length) throw new InputRangeError(`onImage: permutation of degree ${g.length} on an image of ${x.length} pixels`);
  const out = new (x.constructor as new (n: number) => T)(x.length);
  for (let p = 0; p < x.length; p++) out[g[p]] = x[p];
  return out;
}
