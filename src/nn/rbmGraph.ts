import { GraphBuilder } from '../engine/index.js';
import { activate, bernoulli, decoderInputOp, encodeOp, ints, minibatchInputs, scalar, softplus, stackScalars, stepInputs, sumRows } from './graphOps.js';
import { gemmSum, type GemmTerm } from './optimizer.js';

/** Visible unit type: binary, or real-valued with unit variance (Gaussian-Bernoulli RBM). */
export type VisibleKind = 'bernoulli' | 'gaussian';

/**
 * An RBM's training step as the graph needs it. W [h, d], hidden bias b [h], visible bias c [d].
 * Energy: Bernoulli E(v,h) = -c.v - b.h - h.Wv; Gaussian (unit variance)
 * E(v,h) = |v - c|^2 / 2 - b.h - h.Wv.
 */
export interface RbmGraphSpec {
  readonly visible: number;
  readonly hidden: number;
  readonly visibleKind: VisibleKind;
  /** Gibbs steps of the negative phase (CD-k / PCD-k). */
  readonly k: number;
  /** Persistent CD (Tieleman 2008): the negative chain continues from the stored hidden states. */
  readonly persistent: boolean;
  /** Sample visible units in the chain (else use their means, as Hinton 2010, sec. 3.2, advises for CD). */
  readonly sampleVisible: boolean;
  /** L2 weight cost lambda (Hinton 2010, sec. 10): the update follows grad - lambda W. */
  readonly weightDecay: number;
  /** Learning rate and momentum: graph constants, folded into GEMM coefficients. */
  readonly lr: number;
  readonly momentum: number;
  /** Minibatch steps unrolled into one graph run. */
  readonly steps: number;
  /** Minibatch size (a graph constant: 1/batch is folded into the update coefficients). */
  readonly batch: number;
}

export const RBM_PARAMS = ['W0', 'b0', 'c0'] as const;

/** Shapes of W0, b0, c0. */
export function rbmParamShapes(spec: { visible: number; hidden: number }): Record<string, number[]> {
  return { W0: [spec.hidden, spec.visible], b0: [spec.hidden], c0: [spec.visible] };
}

/**
 * Build K unrolled CD-k (or PCD-k) updates with momentum (Hinton 2010, "A practical guide to
 * training RBMs", UTML TR 2010-003, secs. 3, 9, 10):
 * h0 ~ p(h|v0); for t = 1..k: v_t = E[v|h] (or a sample), p_t = p(h|v_t), h_t ~ p_t (t < k, or PCD);
 * grad W = (p0^T v0 - p_k^T v_k)/B, grad b = mean(p0 - p_k), grad c = mean(v0 - v_k);
 * Delta = mu Delta + lr (grad - lambda W) (no decay on biases); theta += Delta.
 *
 * Inputs: the data v [count, d] and the rows of step s, rows@s (int32 [batch]; minibatchFeeds
 * makes both); uh@(s k + t) [batch, h] uniforms for the hidden
 * samples of Gibbs step t of step s; nv@(s k + t) [batch, d] (uniforms, or standard normals for
 * Gaussian units) when sampleVisible; chain [batch, h] (PCD); W0, b0, c0 and velocities W0.v,
 * b0.v, c0.v (stepSlices makes uh@ and nv@ from stacked arrays). Outputs: each `_out`,
 * chain_out (PCD), and recon [K]: the mean over the batch of |v0 - E[v|h0]|^2 with h0 the
 * sampled hidden state of the data (for PCD, h0 is not sampled: E[v|p0] is used).
 */
export function buildRbmGraph(spec: RbmGraphSpec): Uint8Array {
  const { visible: d, hidden: h, k: cdk, steps: K, batch: B } = spec;
  const g = new GraphBuilder(`rbm_train_${d}x${h}_${spec.visibleKind}_k${cdk}${spec.persistent ? 'p' : ''}_b${B}_s${K}`);
  const shapes = rbmParamShapes(spec);
  const V = minibatchInputs(g, 'v', K, B, d);
  const UH = stepInputs(g, 'uh', K * cdk, [B, h]);
  const NV = spec.sampleVisible ? stepInputs(g, 'nv', K * cdk, [B, d]) : null;
  let chain = spec.persistent ? g.input('chain', 'float32', [B, h]) : '';
  // the gradient is a batch mean: 1/B goes into the update coefficients, not over the batch
  const step = spec.lr / B;
  const mom = scalar(g, spec.momentum);
  const P: Record<string, string> = {};
  const D: Record<string, string> = {};
  for (const n of RBM_PARAMS) {
    P[n] = g.input(n, 'float32', shapes[n]);
    D[n] = g.input(`${n}.v`, 'float32', shapes[n]);
  }
  // an RBM's mean-field pass is a tied autoencoder layer's: sigmoid hiddens, sigmoid or linear visibles
  const hiddenMean = (v: string) => encodeOp(g, 'sigmoid', v, P.W0, P.b0);
  const visibleMean = (hs: string) => activate(g, spec.visibleKind === 'bernoulli' ? 'sigmoid' : 'linear', decoderInputOp(g, hs, P.W0, undefined, P.c0));
  const meanSquare = (e: string) => g.op('Mul', [g.op('ReduceSumSquare', [e], { keepdims: 0 }), scalar(g, 1 / B)]);
  const recons: string[] = [];
  for (let s = 0; s < K; s++) {
    const v0 = V[s];
    const uh = UH.slice(s * cdk, (s + 1) * cdk);
    const nv = NV === null ? null : NV.slice(s * cdk, (s + 1) * cdk);
    const p0 = hiddenMean(v0);
    let hs = spec.persistent ? chain : bernoulli(g, p0, uh[0]);
    const reconMean = spec.persistent ? visibleMean(p0) : null;
    let vk = v0;
    let pk = p0;
    // v0 - E[v|h0], when the chain's visible state is that mean (CD-1 without visible sampling)
    let visibleGap = '';
    for (let t = 1; t <= cdk; t++) {
      const mean = visibleMean(hs);
      if (t === 1 && reconMean === null) {
        const e = g.op('Sub', [v0, mean]);
        recons.push(meanSquare(e));
        if (cdk === 1 && nv === null) visibleGap = e;
      }
      if (nv === null) vk = mean;
      else if (spec.visibleKind === 'bernoulli') vk = bernoulli(g, mean, nv[t - 1]);
      else vk = g.op('Add', [mean, nv[t - 1]]);
      pk = hiddenMean(vk);
      // PCD samples every chain step (it is a Markov chain); CD needs no sample after the last
      const uIndex = spec.persistent ? t - 1 : t;
      if (t < cdk || spec.persistent) hs = bernoulli(g, pk, uh[uIndex]);
    }
    if (reconMean !== null) recons.push(meanSquare(g.op('Sub', [v0, reconMean])));
    if (spec.persistent) chain = hs;
    // gradient of the log-likelihood (ascent direction), W: [h, d]; the weight update is folded
    // into one GEMM: Delta' = mu Delta + (lr/B) [p0; -pk]^T [v0; vk] - lr lambda W
    // with v0 - vk at hand (CD-1 on means), p0^T v0 - pk^T vk = (p0 - pk)^T v0 + pk^T (v0 - vk)
    // reuses the hidden-bias difference and needs no negated copy
    const dp = g.op('Sub', [p0, pk]);
    const terms: GemmTerm[] = visibleGap ? [[dp, v0], [pk, visibleGap]] : [[p0, v0], [g.op('Neg', [pk]), vk]];
    let dW = gemmSum(g, terms, step, spec.momentum > 0 ? { c: D.W0, beta: spec.momentum } : undefined);
    if (spec.weightDecay > 0) dW = g.op('Sub', [dW, g.op('Mul', [P.W0, scalar(g, spec.lr * spec.weightDecay)])]);
    D.W0 = dW;
    P.W0 = g.op('Add', [P.W0, dW]);
    const gb = sumRows(g, dp);
    const gc = sumRows(g, visibleGap || g.op('Sub', [v0, vk]));
    const grads: Record<string, string> = { b0: gb, c0: gc };
    for (const n of ['b0', 'c0']) {
      D[n] = g.op('Add', [g.op('Mul', [mom, D[n]]), g.op('Mul', [scalar(g, step), grads[n]])]);
      P[n] = g.op('Add', [P[n], D[n]]);
    }
  }
  for (const n of RBM_PARAMS) {
    g.output(P[n], `${n}_out`, 'float32', shapes[n]);
    g.output(D[n], `${n}.v_out`, 'float32', shapes[n]);
  }
  if (spec.persistent) g.output(chain, 'chain_out', 'float32', [B, h]);
  g.output(stackScalars(g, recons), 'recon', 'float32', [K]);
  return g.build();
}

/**
 * Free energy of each row of v [n, d]: F(v) = -log sum_h exp(-E(v,h)) =
 * -c.v - sum_j softplus(b_j + W_j v) (Bernoulli) or |v - c|^2/2 - sum_j softplus(...) (Gaussian).
 * Inputs v, W0, b0, c0; output F [n].
 */
export function buildFreeEnergyGraph(spec: { visible: number; hidden: number; visibleKind: VisibleKind }): Uint8Array {
  const g = new GraphBuilder(`rbm_free_energy_${spec.visible}x${spec.hidden}_${spec.visibleKind}`);
  const shapes = rbmParamShapes(spec);
  const v = g.input('v', 'float32', ['n', spec.visible]);
  const W = g.input('W0', 'float32', shapes.W0);
  const b = g.input('b0', 'float32', shapes.b0);
  const c = g.input('c0', 'float32', shapes.c0);
  const axis1 = ints(g, [1]);
  const hiddenTerm = g.op('ReduceSum', [softplus(g, g.op('Gemm', [v, W, b], { transB: 1 })), axis1], { keepdims: 0 });
  let visibleTerm: string;
  if (spec.visibleKind === 'bernoulli') {
    visibleTerm = g.op('Neg', [g.op('ReduceSum', [g.op('Mul', [v, c]), axis1], { keepdims: 0 })]);
  } else {
    const e = g.op('Sub', [v, c]);
    visibleTerm = g.op('Mul', [scalar(g, 0.5), g.op('ReduceSum', [g.op('Mul', [e, e]), axis1], { keepdims: 0 })]);
  }
  g.output(g.op('Sub', [visibleTerm, hiddenTerm]), 'F', 'float32', ['n']);
  return g.build();
}
