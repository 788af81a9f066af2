import { checkInteger } from '../core/validate.js';

const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19];

/** Radical inverse of i in base b: the digits of i mirrored about the radix point. */
export function radicalInverse(i: number, b: number): number {
  let f = 1;
  let r = 0;
  for (let n = i; n > 0; n = Math.floor(n / b)) {
    f /= b;
    r += f * (n % b);
  }
  return r;
}

/**
 * The first `count` points of the Halton sequence in [0,1)^dim (bases 2, 3, 5, ...), starting
 * at index 1 (index 0 is the origin). Deterministic and low-discrepancy: the star discrepancy
 * is O((log N)^dim / N) (Halton, Numer. Math. 2 (1960) 84-90). Returns count x dim, row-major.
 */
export function haltonPoints(count: number, dim: number): Float64Array {
  checkInteger('haltonPoints', 'count', count, 1);
  checkInteger('haltonPoints', 'dim', dim, 1, PRIMES.length);
  const out = new Float64Array(count * dim);
  for (let i = 0; i < count; i++) for (let d = 0; d < dim; d++) out[i * dim + d] = radicalInverse(i + 1, PRIMES[d]);
  return out;
}
