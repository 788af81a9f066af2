import { encodeThrough } from '../../../analysis/inputSpaceFeatures.js';
import { finalStack, reconstruct } from '../../../analysis/trainedStack.js';
import { shadow, SHADOW_FAMILIES } from '../../../shadow/shadow.js';
import { stabilisationResiduals } from '../../../shadow/stabilisationResiduals.js';
import type { QuantileSummary } from '../../../shadow/quantileSummary.js';
import type { LayerResult, Summary } from '../../../results/index.js';
import type { SeedContext } from '../claimModule.js';
import type { AutoencodersStabiliseEvidence, ResidualRecord } from './judge.js';

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

/** The results-schema summary of a QuantileSummary (non-finite numbers become null). */
export function summaryOf(s: QuantileSummary): Summary {
  return { n: s.count, mean: finiteOrNull(s.mean), median: finiteOrNull(s.median), q05: finiteOrNull(s.p05), q25: finiteOrNull(s.q25), q75: finiteOrNull(s.q75), q95: finiteOrNull(s.p95) };
}

/**
 * C5 evidence of one seed: per layer, on the held-out inputs (encoded by the trained layers below),
 * the stabilisation residuals and shadow errors of the trained layer and of its untrained twin.
 */
export async function collectAutoencodersStabilise(ctx: SeedContext): Promise<AutoencodersStabiliseEvidence> {
  const { trained, heldOutInputs, heldOutCount: count } = ctx;
  const finals = finalStack(trained);
  const codes = await encodeThrough(finals, finals.length, heldOutInputs, count);
  const layers: LayerResult[] = [];
  const residuals: ResidualRecord[] = [];
  for (const L of trained.layers) {
    const x = L.index === 1 ? heldOutInputs : codes[L.index - 2];
    const dim = L.snapshots[0].layer.inputs;
    const trainedOut = await reconstruct(L.snapshots[L.snapshots.length - 1].layer, x, count);
    const untrainedOut = await reconstruct(L.snapshots[0].layer, x, count);
    const rt = stabilisationResiduals({ inputs: x, outputs: trainedOut, count, dim });
    const ru = stabilisationResiduals({ inputs: x, outputs: untrainedOut, count, dim });
    const shadowErrors: LayerResult['shadowErrors'] = {};
    for (const fam of SHADOW_FAMILIES) {
      const st = await shadow({ inputs: x, outputs: trainedOut, count, dim }, fam);
      const su = await shadow({ inputs: x, outputs: untrainedOut, count, dim }, fam);
      shadowErrors[fam] = { trained: finiteOrNull(st.error), untrained: finiteOrNull(su.error) };
    }
    layers.push({ seed: ctx.seed, layer: L.index, sizes: [dim, L.snapshots[0].layer.units], finalLoss: L.finalLoss, residuals: { trained: summaryOf(rt.summary), untrained: summaryOf(ru.summary) }, shadowErrors });
    residuals.push({ seed: ctx.seed, layer: L.index, trained: rt.residuals, untrained: ru.residuals });
  }
  return { seed: ctx.seed, layers, residuals };
}
