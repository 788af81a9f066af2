import type { RandomSource } from '../core/index.js';

const TWO26 = 67108864;

/**
 * Fill `out` with uniforms in [0, 1] for sampling, two per draw of the seeded source: a draw
 * f = k / 2^53 gives floor(f 2^26) / 2^26 (the top 26 bits of k) and the fraction of f 2^26
 * (the low 27 bits), which are independent and uniform; both are exact before rounding to
 * float32, which keeps 24 bits anyway. Halves the cost of Gibbs-sampling noise (about 10% of
 * an RBM epoch at 784-256).
 */
export function fillUniformPairs(rng: RandomSource, out: Float32Array): Float32Array {
  const n = out.length;
  for (let i = 0; i < n; i += 2) {
    const f = rng.float() * TWO26;
    const hi = Math.floor(f);
    out[i] = hi / TWO26;
    if (i + 1 < n) out[i + 1] = f - hi;
  }
  return out;
}
