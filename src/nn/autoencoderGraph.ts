import { GraphBuilder } from '../engine/index.js';
import { activate, backActivate, decoderInputOp, encodeOp, bceSum, largestDivisor, minibatchInputs, scalar, stackScalars, stepInputs, sumRows, ints, type Activation } from './graphOps.js';
import { descend, stateNames, type AdamConstants, type GemmTerm, type OptimizerName, type RawGradient } from './optimizer.js';

/** Corruption of the input for denoising autoencoders. */
export type NoiseKind = 'none' | 'mask' | 'gaussian';
export type LossKind = 'mse' | 'bce';

/**
 * The architecture and objective of a (possibly deep) autoencoder, as the training graph needs it.
 * sizes = [d, h1, ..., hL]; layer l has W_l [h_{l+1}, h_l], hidden bias b_l [h_{l+1}], visible
 * (decoder) bias c_l [h_l], and when untied a decoder matrix V_l [h_l, h_{l+1}] (tied: V_l = W_l^T).
 */
export interface AutoencoderGraphSpec {
  readonly sizes: readonly number[];
  /** f_l of each encoder layer (length L). */
  readonly encoder: readonly Activation[];
  /** g_l of each decoder layer (length L); decoder[0] produces the reconstruction. */
  readonly decoder: readonly Activation[];
  readonly tied: boolean;
  readonly loss: LossKind;
  readonly noise: NoiseKind;
  /** beta * sum_j KL(rho || rho_hat_j) on the top code; weight 0 disables it. */
  readonly sparsityTarget: number;
  readonly sparsityWeight: number;
  /** lambda/2 * sum ||W||^2 (and ||V||^2 when untied); biases are not decayed. */
  readonly weightDecay: number;
  readonly optimizer: OptimizerName;
  /** Learning rate and (SGD) momentum: graph constants, folded into GEMM coefficients. */
  readonly lr: number;
  readonly momentum: number;
  readonly adam: AdamConstants;
  /** Minibatch steps unrolled into one graph run. */
  readonly steps: number;
  /** Minibatch size (a graph constant: 1/batch is folded into the update coefficients). */
  readonly batch: number;
}

/** Parameter names of an autoencoder in their canonical order. */
export function autoencoderParamNames(layers: number, tied: boolean): string[] {
  const names: string[] = [];
  for (let l = 0; l < layers; l++) names.push(`W${l}`, `b${l}`, `c${l}`, ...(tied ? [] : [`V${l}`]));
  return names;
}

/** Shape of each parameter. */
export function autoencoderParamShapes(sizes: readonly number[], tied: boolean): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (let l = 0; l + 1 < sizes.length; l++) {
    out[`W${l}`] = [sizes[l + 1], sizes[l]];
    out[`b${l}`] = [sizes[l + 1]];
    out[`c${l}`] = [sizes[l]];
    if (!tied) out[`V${l}`] = [sizes[l], sizes[l + 1]];
  }
  return out;
}

/**
 * Build the training graph of K unrolled minibatch steps: forward pass, analytic gradients and
 * optimiser update, all in one ONNX graph, so a run of K steps is one session call.
 *
 * Inputs: the data x [count, d] and the rows of step k, rows@k (int32 [batch]; minibatchFeeds
 * makes both); noise@k [batch, d] (mask: multiplied, gaussian: added) when denoising (stepSlices
 * makes them from one buffer); adamC1@k, adamC2@k (scalars, Adam's bias corrections of step k);
 * every parameter p and its optimiser states (stateNames).
 * Outputs: `${name}_out` for each parameter and state, and loss [K] = mean over the batch of
 * the per-sample reconstruction loss (sum over visible units of (x'-x)^2 for mse; of
 * -x log x' - (1-x) log(1-x') for bce), before the update of that step.
 * Objective = loss + sparsity + decay penalties.
 */
export function buildAutoencoderGraph(spec: AutoencoderGraphSpec): Uint8Array {
  const L = spec.sizes.length - 1;
  const d = spec.sizes[0];
  const { steps: K, batch: B } = spec;
  const g = new GraphBuilder(`autoencoder_train_${spec.sizes.join('x')}_b${B}_k${K}`);
  const shapes = autoencoderParamShapes(spec.sizes, spec.tied);
  const names = autoencoderParamNames(L, spec.tied);
  const X = minibatchInputs(g, 'x', K, B, d);
  const N = spec.noise === 'none' ? null : stepInputs(g, 'noise', K, [B, d]);
  const c1s = spec.optimizer === 'adam' ? stepInputs(g, 'adamC1', K, []) : undefined;
  const c2s = spec.optimizer === 'adam' ? stepInputs(g, 'adamC2', K, []) : undefined;
  // the backward pass carries unscaled deltas (dL/dz' without the 1/B of the mean, and without
  // mse's factor 2); gain puts the factor back in the update coefficients, sparing one pass
  // over the [B, d] reconstruction error per step
  const gain = (spec.loss === 'mse' ? 2 : 1) / B;
  const P: Record<string, string> = {};
  const S: Record<string, string[]> = {};
  for (const n of names) {
    P[n] = g.input(n, 'float32', shapes[n]);
    S[n] = stateNames(spec.optimizer, n, spec.momentum).map((s) => g.input(s, 'float32', shapes[n]));
  }
  const losses: string[] = [];
  for (let k = 0; k < K; k++) {
    const x = X[k];
    const xin = N === null ? x : g.op(spec.noise === 'mask' ? 'Mul' : 'Add', [x, N[k]]);
    // forward: a_0 = corrupted input, a_{l+1} = f_l(a_l W_l^T + b_l)
    const a: string[] = [xin];
    for (let l = 0; l < L; l++) a.push(encodeOp(g, spec.encoder[l], a[l], P[`W${l}`], P[`b${l}`]));
    // decode: r_L = a_L, z'_l = r_{l+1} V_l^T + c_l, r_l = g_l(z'_l)
    const r: string[] = [];
    const zr: string[] = [];
    r[L] = a[L];
    for (let l = L - 1; l >= 0; l--) {
      zr[l] = decoderInputOp(g, r[l + 1], P[`W${l}`], spec.tied ? undefined : P[`V${l}`], P[`c${l}`]);
      r[l] = activate(g, spec.decoder[l], zr[l]);
    }
    const diff = g.op('Sub', [r[0], x]);
    let lossSum: string;
    let delta: string; // dL/dz'_0 / gain
    if (spec.loss === 'bce') {
      // with a sigmoid output: per element softplus(z) - x z, and dL/dz = (x' - x)/B
      lossSum = bceSum(g, zr[0], r[0], x, largestDivisor(B * d, 64));
      delta = diff;
    } else {
      lossSum = g.op('ReduceSumSquare', [diff], { keepdims: 0 });
      delta = backActivate(g, spec.decoder[0], r[0], diff);
    }
    losses.push(g.op('Mul', [lossSum, scalar(g, 1 / B)]));
    const raw: Record<string, RawGradient> = {};
    const terms: Record<string, GemmTerm[]> = {};
    // decoder backward, from the reconstruction up to the code
    let dUp = '';
    for (let l = 0; l < L; l++) {
      if (l > 0) delta = backActivate(g, spec.decoder[l], r[l], dUp);
      raw[`c${l}`] = { vector: sumRows(g, delta) };
      if (spec.tied) {
        terms[`W${l}`] = [[r[l + 1], delta]];
        dUp = g.op('Gemm', [delta, P[`W${l}`]], { transB: 1 });
      } else {
        terms[`V${l}`] = [[delta, r[l + 1]]];
        dUp = g.op('MatMul', [delta, P[`V${l}`]]);
      }
    }
    if (spec.sparsityWeight > 0) {
      // d/dh_nj of beta sum_j KL(rho||mean_n h_nj) = beta/B (-rho/rho_hat + (1-rho)/(1-rho_hat)),
      // divided by gain like every delta
      const rho = spec.sparsityTarget;
      // a unit whose sigmoid saturates over a whole batch has rho_hat = 0 or 1 in float32, where
      // the KL gradient is infinite; clamping to [1e-6, 1 - 1e-6] keeps it finite (and changes
      // nothing elsewhere)
      const rhoHat = g.op('Clip', [g.op('ReduceMean', [a[L], ints(g, [0])], { keepdims: 0 }), scalar(g, 1e-6), scalar(g, 1 - 1e-6)]);
      const t1 = g.op('Div', [scalar(g, -rho), rhoHat]);
      const t2 = g.op('Div', [scalar(g, 1 - rho), g.op('Sub', [scalar(g, 1), rhoHat])]);
      const dk = g.op('Mul', [g.op('Add', [t1, t2]), scalar(g, spec.sparsityWeight / (B * gain))]);
      dUp = g.op('Add', [dUp, dk]);
    }
    // encoder backward
    for (let l = L - 1; l >= 0; l--) {
      const de = backActivate(g, spec.encoder[l], a[l + 1], dUp);
      terms[`W${l}`] = [...(terms[`W${l}`] ?? []), [de, a[l]]];
      raw[`b${l}`] = { vector: sumRows(g, de) };
      if (l > 0) dUp = g.op('MatMul', [de, P[`W${l}`]]);
    }
    for (const [n, t] of Object.entries(terms)) raw[n] = { terms: t };
    const bias = c1s && c2s ? { c1: c1s[k], c2: c2s[k] } : undefined;
    for (const n of names) {
      // biases are not decayed
      const decay = n.startsWith('W') || n.startsWith('V') ? spec.weightDecay : 0;
      const u = descend(g, spec, P[n], S[n], raw[n], gain, decay, bias);
      P[n] = u.param;
      S[n] = u.states;
    }
  }
  for (const n of names) {
    g.output(P[n], `${n}_out`, 'float32', shapes[n]);
    stateNames(spec.optimizer, n, spec.momentum).forEach((s, i) => g.output(S[n][i], `${s}_out`, 'float32', shapes[n]));
  }
  g.output(stackScalars(g, losses), 'loss', 'float32', [K]);
  return g.build();
}
