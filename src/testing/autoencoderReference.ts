import type { AutoencoderGraphSpec } from '../nn/autoencoderGraph.js';
import type { Activation } from '../nn/graphOps.js';

const act = (f: Activation, z: number): number =>
  f === 'sigmoid' ? 1 / (1 + Math.exp(-z)) : f === 'tanh' ? Math.tanh(z) : f === 'relu' ? Math.max(0, z) : z;

/**
 * The autoencoder objective in float64, written loop by loop from its definition, for
 * finite-difference checks of the training graph: mean over the batch of the per-sample loss,
 * plus beta * sum_j KL(rho || rho_hat_j) on the top code and lambda/2 * sum ||W||^2.
 * params as named in autoencoderParamNames; x and noise are [batch, d] row-major.
 */
export function autoencoderObjectiveReference(
  spec: AutoencoderGraphSpec,
  params: Record<string, ArrayLike<number>>,
  x: ArrayLike<number>,
  noise: ArrayLike<number> | null,
  batch: number,
): number {
  const L = spec.sizes.length - 1;
  const n = spec.sizes;
  let total = 0;
  const codes: number[][] = [];
  for (let s = 0; s < batch; s++) {
    const x0 = Array.from({ length: n[0] }, (_, i) => x[s * n[0] + i]);
    let a = x0.map((v, i) => (noise === null ? v : spec.noise === 'mask' ? v * noise[s * n[0] + i] : v + noise[s * n[0] + i]));
    for (let l = 0; l < L; l++) {
      const W = params[`W${l}`];
      const b = params[`b${l}`];
      const next: number[] = [];
      for (let j = 0; j < n[l + 1]; j++) {
        let z = b[j];
        for (let i = 0; i < n[l]; i++) z += W[j * n[l] + i] * a[i];
        next.push(act(spec.encoder[l], z));
      }
      a = next;
    }
    codes.push(a);
    let r = a;
    for (let l = L - 1; l >= 0; l--) {
      const W = params[`W${l}`];
      const V = params[`V${l}`];
      const c = params[`c${l}`];
      const z: number[] = [];
      for (let i = 0; i < n[l]; i++) {
        let t = c[i];
        for (let j = 0; j < n[l + 1]; j++) t += (spec.tied ? W[j * n[l] + i] : V[i * n[l + 1] + j]) * r[j];
        z.push(t);
      }
      r = z.map((v) => act(spec.decoder[l], v));
    }
    for (let i = 0; i < n[0]; i++) {
      if (spec.loss === 'mse') total += (r[i] - x0[i]) ** 2;
      else total += -x0[i] * Math.log(r[i]) - (1 - x0[i]) * Math.log(1 - r[i]);
    }
  }
  let obj = total / batch;
  if (spec.sparsityWeight > 0) {
    const rho = spec.sparsityTarget;
    for (let j = 0; j < n[L]; j++) {
      let m = 0;
      for (const c of codes) m += c[j];
      m /= batch;
      obj += spec.sparsityWeight * (rho * Math.log(rho / m) + (1 - rho) * Math.log((1 - rho) / (1 - m)));
    }
  }
  if (spec.weightDecay > 0) {
    for (let l = 0; l < L; l++) {
      for (const name of spec.tied ? [`W${l}`] : [`W${l}`, `V${l}`]) {
        const w = params[name];
        for (let i = 0; i < w.length; i++) obj += (spec.weightDecay / 2) * w[i] * w[i];
      }
    }
  }
  return obj;
}
