import { InputRangeError } from '../core/errors.js';

/**
 * The relative distance from the two windowed sums of squares d2 = ||W (a - b)||^2 and
 * n2 = ||W b||^2: sqrt(d2 / n2), and 0 when n2 = 0 (b is zero on the window, so nothing can
 * tell a from b there). Every windowed distance of Orbitscope ends here.
 */
export function distanceFromSums(d2: number, n2: number): number {
  return n2 > 0 ? Math.sqrt(d2 / n2) : 0;
}

/**
 * ||W (a - b)|| / ||W b|| for two images of the same n pixels and weights W (n of them; W = 1 on
 * every pixel when `window` is omitted): how far a moved image a = g.x is from x = b, relative to
 * x, inside the window (src/actions/imageWindow.ts). 0 when ||W b|| = 0, as orbitDistances.
 * Sums in float64, in pixel order.
 */
export function windowedDistance(a: ArrayLike<number>, b: ArrayLike<number>, window?: ArrayLike<number>): number {
  const n = b.length;
  if (a.length !== n) throw new InputRangeError(`windowedDistance: images have ${a.length} and ${n} pixels`);
  if (window && window.length !== n) throw new InputRangeError(`windowedDistance: window has ${window.length} weights, expected ${n}`);
  let d2 = 0;
  let n2 = 0;
  for (let p = 0; p < n; p++) {
    const w = window ? window[p] : 1;
    d2 += (w * (a[p] - b[p])) ** 2;
    n2 += (w * b[p]) ** 2;
  }
  return distanceFromSums(d2, n2);
}
