import type { RbmGraphSpec } from '../nn/rbmGraph.js';

/** RBM parameters in float64 for references: W [h, d], b [h], c [d]. */
export interface RbmParams64 {
  W: Float64Array;
  b: Float64Array;
  c: Float64Array;
}

const sig = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * One CD-k / PCD-k minibatch update written as plain loops, with the same noise inputs as the
 * graph (uh [k, B, h], nv [k, B, d]); mutates params, velocities and chain; returns the
 * reconstruction error as the graph defines it.
 */
export function rbmStepReference(
  spec: RbmGraphSpec,
  p: RbmParams64,
  vel: RbmParams64,
  v0: ArrayLike<number>,
  batch: number,
  uh: ArrayLike<number>,
  nv: ArrayLike<number> | null,
  chain: Float64Array | null,
  lr: number,
  momentum: number,
): number {
  const { visible: d, hidden: h, k } = spec;
  const hidMean = (v: ArrayLike<number>, s: number) => Array.from({ length: h }, (_, j) => {
    let z = p.b[j];
    for (let i = 0; i < d; i++) z += p.W[j * d + i] * v[s * d + i];
    return sig(z);
  });
  const visMean = (hs: number[]) => Array.from({ length: d }, (_, i) => {
    let z = p.c[i];
    for (let j = 0; j < h; j++) z += p.W[j * d + i] * hs[j];
    return spec.visibleKind === 'bernoulli' ? sig(z) : z;
  });
  const gW = new Float64Array(h * d);
  const gb = new Float64Array(h);
  const gc = new Float64Array(d);
  let recon = 0;
  for (let s = 0; s < batch; s++) {
    const x0 = Array.from({ length: d }, (_, i) => v0[s * d + i]);
    const p0 = hidMean(x0, 0);
    let hs = spec.persistent ? Array.from(chain!.subarray(s * h, s * h + h)) : p0.map((q, j) => (uh[(0 * batch + s) * h + j] < q ? 1 : 0));
    if (spec.persistent) recon += visMean(p0).reduce((a, m, i) => a + (x0[i] - m) ** 2, 0);
    let vk = x0;
    let pk = p0;
    for (let t = 1; t <= k; t++) {
      const mean = visMean(hs);
      if (t === 1 && !spec.persistent) recon += mean.reduce((a, m, i) => a + (x0[i] - m) ** 2, 0);
      if (nv === null) vk = mean;
      else if (spec.visibleKind === 'bernoulli') vk = mean.map((m, i) => (nv[((t - 1) * batch + s) * d + i] < m ? 1 : 0));
      else vk = mean.map((m, i) => m + nv[((t - 1) * batch + s) * d + i]);
      pk = hidMean(vk, 0);
      const u = spec.persistent ? t - 1 : t;
      if (t < k || spec.persistent) hs = pk.map((q, j) => (uh[(u * batch + s) * h + j] < q ? 1 : 0));
    }
    if (spec.persistent) chain!.set(hs, s * h);
    for (let j = 0; j < h; j++) {
      gb[j] += p0[j] - pk[j];
      for (let i = 0; i < d; i++) gW[j * d + i] += p0[j] * x0[i] - pk[j] * vk[i];
    }
    for (let i = 0; i < d; i++) gc[i] += x0[i] - vk[i];
  }
  const upd = (param: Float64Array, v: Float64Array, grad: Float64Array, decay: number) => {
    for (let i = 0; i < param.length; i++) {
      v[i] = momentum * v[i] + lr * (grad[i] / batch - decay * param[i]);
      param[i] += v[i];
    }
  };
  upd(p.W, vel.W, gW, spec.weightDecay);
  upd(p.b, vel.b, gb, 0);
  upd(p.c, vel.c, gc, 0);
  return recon / batch;
}

/** Energy E(v, h) of a Bernoulli-Bernoulli RBM. */
export function rbmEnergyReference(p: RbmParams64, v: ArrayLike<number>, hs: ArrayLike<number>, d: number, h: number): number {
  let e = 0;
  for (let i = 0; i < d; i++) e -= p.c[i] * v[i];
  for (let j = 0; j < h; j++) {
    e -= p.b[j] * hs[j];
    for (let i = 0; i < d; i++) e -= hs[j] * p.W[j * d + i] * v[i];
  }
  return e;
}

/** Free energy -log sum_h exp(-E(v,h)) by enumerating all 2^h hidden states. */
export function rbmFreeEnergyByEnumeration(p: RbmParams64, v: ArrayLike<number>, d: number, h: number): number {
  let s = 0;
  for (let m = 0; m < 1 << h; m++) s += Math.exp(-rbmEnergyReference(p, v, Array.from({ length: h }, (_, j) => (m >> j) & 1), d, h));
  return -Math.log(s);
}

/** Mean log-likelihood of binary rows by enumerating every (v, h) pair for Z. */
export function rbmLogLikelihoodByEnumeration(p: RbmParams64, data: ArrayLike<number>, n: number, d: number, h: number): number {
  let z = 0;
  for (let mv = 0; mv < 1 << d; mv++) {
    const v = Array.from({ length: d }, (_, i) => (mv >> i) & 1);
    for (let mh = 0; mh < 1 << h; mh++) z += Math.exp(-rbmEnergyReference(p, v, Array.from({ length: h }, (_, j) => (mh >> j) & 1), d, h));
  }
  let ll = 0;
  for (let s = 0; s < n; s++) ll += -rbmFreeEnergyByEnumeration(p, Array.from({ length: d }, (_, i) => data[s * d + i]), d, h) - Math.log(z);
  return ll / n;
}
