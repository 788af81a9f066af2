import type { BorderMode } from './imageStack.js';

/**
 * Pixel index k (any integer) read under a border rule for an axis of n pixels, or -1 for a zero
 * read: 'zero' (outside reads 0), 'periodic' (k mod n), 'reflect' (mirror about the outer pixel
 * edges, half-sample symmetric: ... x1 x0 | x0 x1 ... x_{n-1} | x_{n-1} ..., as GridSample's
 * reflection padding).
 */
export function borderIndex(k: number, n: number, border: BorderMode): number {
  if (border === 'zero') return k < 0 || k >= n ? -1 : k;
  if (border === 'periodic') return ((k % n) + n) % n;
  const m = ((k % (2 * n)) + 2 * n) % (2 * n);
  return m < n ? m : 2 * n - 1 - m;
}
