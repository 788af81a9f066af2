import { InputRangeError } from '../core/errors.js';

/**
 * The action of a pixel permutation on an image: (g.x)[p] = x[g^{-1}(p)], i.e. the value at
 * pixel p moves to pixel p^g: (g.x)[p^g] = x[p]. Acting by g and then by h is acting by g*h
 * (g first, the GAP product): actOnImage(h, actOnImage(g, x)) = actOnImage(g*h, x).
 * `g` holds 0-based images; x is row-major (p = row*w + col).
 */
export function actOnImage<T extends Float32Array | Float64Array | Int32Array>(g: Int32Array, x: T): T {
  if (g.length !== x.length) throw new InputRangeError(`actOnImage: permutation of degree ${g.length} on an image of ${x.length} pixels`);
  const out = new (x.constructor as new (n: number) => T)(x.length);
  for (let p = 0; p < x.length; p++) out[g[p]] = x[p];
  return out;
}
