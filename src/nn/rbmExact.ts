import { InputRangeError } from '../core/errors.js';

const softplus = (z: number) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));

/** Free energy (float64) of a binary RBM at v: F(v) = -c.v - sum_j softplus(b_j + W_j v); W [h, d]. */
export function rbmFreeEnergy(W: ArrayLike<number>, b: ArrayLike<number>, c: ArrayLike<number>, v: ArrayLike<number>): number {
  const d = c.length;
  let f = 0;
  for (let i = 0; i < d; i++) f -= c[i] * v[i];
  for (let j = 0; j < b.length; j++) {
    let z = b[j];
    for (let i = 0; i < d; i++) z += W[j * d + i] * v[i];
    f -= softplus(z);
  }
  return f;
}

/**
 * Exact mean log-likelihood of binary rows (n x d) under a Bernoulli-Bernoulli RBM, with the
 * partition function log Z = log sum_v exp(-F(v)) enumerated over all 2^d visible states
 * (cost 2^d * d * h; d at most 24). For tiny models in tests and teaching; real models use
 * the free energy or pseudo-likelihood instead.
 */
export function rbmExactLogLikelihood(W: ArrayLike<number>, b: ArrayLike<number>, c: ArrayLike<number>, data: ArrayLike<number>, n: number): number {
  const d = c.length;
  if (d > 24) throw new InputRangeError(`rbmExactLogLikelihood: ${d} visible units is too many to enumerate (at most 24)`);
  const v = new Float64Array(d);
  let max = -Infinity;
  const neg = new Float64Array(1 << d);
  for (let m = 0; m < 1 << d; m++) {
    for (let i = 0; i < d; i++) v[i] = (m >> i) & 1;
    neg[m] = -rbmFreeEnergy(W, b, c, v);
    max = Math.max(max, neg[m]);
  }
  let s = 0;
  for (const x of neg) s += Math.exp(x - max);
  const logZ = max + Math.log(s);
  let ll = 0;
  for (let r = 0; r < n; r++) ll += -rbmFreeEnergy(W, b, c, Array.prototype.slice.call(data, r * d, r * d + d) as number[]) - logZ;
  return ll / n;
}
