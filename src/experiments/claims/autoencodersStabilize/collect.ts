import { encodeThrough } from '../../../analysis/inputSpaceFeatures.js';
import { finalStack } from '../../../analysis/trainedStack.js';
import { reconstruct } from '../../../analysis/layerForward.js';
import { shadow, SHADOW_FAMILIES } from '../../../shadow/shadow.js';
import { stabilizationResiduals } from '../../../analysis/stabilizationResiduals.js';
import type { QuantileSummary } from '../../../core/linalg/quantileSummary.js';
import type { LayerResult, Summary } from '../../../results/index.js';
import type { SeedContext } from '../claimModule.js';
import { layerReconstructor, meanBaseline, pcaBaseline, type Reconstructor } from './baselines.js';
import type { AutoencodersStabilizeEvidence, InputLayerEvidence, MapFit } from './judge.js';

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

/** The results-schema summary of a QuantileSummary (non-finite numbers become null). */
export function summaryOf(s: QuantileSummary): Summary {
  return { n: s.count, mean: finiteOrNull(s.mean), median: finiteOrNull(s.median), q05: finiteOrNull(s.p05), q25: finiteOrNull(s.q25), q75: finiteOrNull(s.q75), q95: finiteOrNull(s.p95) };
}

/**
 * C5 evidence of one seed. Layer 1, on the held-out inputs: the stabilisation residual of every
 * input under the trained autoencoder and under each declared control, all fitted on the training
 * rows only: the data mean, PCA with k = the layer's width, and the linear twin (a linear
 * autoencoder of the same width trained with the same engine and budget); and the pixel-permutation
 * shadow of each (error and, for the trained layer, the permutation). Every layer: residual
 * summaries and shadow errors (GL, O, permutations) of the trained layer and its untrained twin,
 * on held-out inputs encoded by the trained layers below.
 */
export async function collectAutoencodersStabilize(ctx: SeedContext): Promise<AutoencodersStabilizeEvidence> {
  const { trained, heldOutInputs, heldOutCount: count } = ctx;
  const finals = finalStack(trained);
  const codes = await encodeThrough(finals, finals.length, heldOutInputs, count);
  const layers: LayerResult[] = [];
  for (const L of trained.layers) {
    const x = L.index === 1 ? heldOutInputs : codes[L.index - 2];
    const dim = L.snapshots[0].layer.weights.shape[1];
    const trainedOut = await reconstruct(L.snapshots[L.snapshots.length - 1].layer, x, count);
    const untrainedOut = await reconstruct(L.snapshots[0].layer, x, count);
    const rt = stabilizationResiduals({ inputs: x, outputs: trainedOut, count, dim });
    const ru = stabilizationResiduals({ inputs: x, outputs: untrainedOut, count, dim });
    const shadowErrors: LayerResult['shadowErrors'] = {};
    // C5 reads each shadow's error only: GL's condition number (singular values of an n x n
    // matrix, about 2 s each at n = 784) is not computed
    const opts = { conditionNumber: false };
    for (const fam of SHADOW_FAMILIES) {
      const st = await shadow({ inputs: x, outputs: trainedOut, count, dim }, fam, opts);
      const su = await shadow({ inputs: x, outputs: untrainedOut, count, dim }, fam, opts);
      shadowErrors[fam] = { trained: finiteOrNull(st.error), untrained: finiteOrNull(su.error) };
    }
    layers.push({ seed: ctx.seed, layer: L.index, sizes: [dim, L.snapshots[0].layer.weights.shape[0]], finalLoss: L.finalLoss, losses: L.losses.map((x) => (Number.isFinite(x) ? x : null)), residuals: { trained: summaryOf(rt.summary), untrained: summaryOf(ru.summary) }, shadowErrors });
  }

  // layer 1 against its controls, all fitted on the training rows only
  const d = ctx.height * ctx.width;
  const width = trained.layers[0].snapshots[0].layer.weights.shape[0];
  const controls: Reconstructor[] = [meanBaseline(ctx.trainInputs, ctx.trainCount, d), pcaBaseline(ctx.trainInputs, ctx.trainCount, d, width)];
  if (ctx.linearTwin) {
    const l1 = ctx.linearTwin.layers[0];
    controls.push(layerReconstructor(`linear autoencoder, ${width} units`, l1.snapshots[l1.snapshots.length - 1].layer));
  }
  const inputLayer = await inputLayerEvidence(layerReconstructor('trained autoencoder', finals[0]), controls, heldOutInputs, count, d);
  return { seed: ctx.seed, layers, inputLayer, heldOut: count };
}

/**
 * Layer 1 against its controls on held-out inputs (count x d): each map's median stabilisation
 * residual and its pixel-permutation shadow (error; the permutation for the trained map).
 */
export async function inputLayerEvidence(trained: Reconstructor, controls: readonly Reconstructor[], heldOut: Float32Array, count: number, d: number): Promise<InputLayerEvidence> {
  const fit = async (A: Reconstructor) => {
    const data = { inputs: heldOut, outputs: await A.reconstruct(heldOut, count), count, dim: d };
    const r = stabilizationResiduals(data);
    const s = await shadow(data, 'perm');
    return { median: r.summary.median, shadowError: finiteOrNull(s.error), permutation: s.family === 'perm' ? (s.element as Int32Array) : null };
  };
  const t = await fit(trained);
  const fits: Record<string, MapFit> = {};
  for (const A of controls) {
    const c = await fit(A);
    fits[A.name] = { median: c.median, shadowError: c.shadowError };
  }
  return { trained: { median: t.median, shadowError: t.shadowError }, permutation: t.permutation, controls: fits };
}
