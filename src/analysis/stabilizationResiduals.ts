import { InputRangeError } from '../core/index.js';
import { checkAutoencoderOutputs, type AutoencoderOutputs } from '../shadow/autoencoderOutputs.js';
import { quantileSummary, type QuantileSummary } from '../core/linalg/quantileSummary.js';

/** Per-input stabilisation residuals with their summary. */
export interface StabilizationResiduals {
  /** r_i = ||A(x_i) - x_i|| / ||x_i|| (Euclidean norms); NaN where x_i = 0 (undefined). */
  readonly residuals: Float64Array;
  /** Summary of the defined residuals; `summary.excluded` counts the all-zero inputs. */
  readonly summary: QuantileSummary;
}

/**
 * Stabilisation residuals r(A, x) = ||A(x) - x|| / ||x|| of each input (SPEC section 1), in
 * float64, and their QuantileSummary (mean, min, 5%, 25%, 50%, 75%, 95% quantiles, max).
 * A residual of 0 means A fixes x exactly; the identity map has all residuals 0.
 */
export function stabilizationResiduals(data: AutoencoderOutputs): StabilizationResiduals {
  checkAutoencoderOutputs('stabilizationResiduals', data);
  const { inputs, outputs, count, dim } = data;
  const residuals = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let dd = 0;
    let xx = 0;
    for (let p = i * dim, end = p + dim; p < end; p++) {
      const d = outputs[p] - inputs[p];
      dd += d * d;
      xx += inputs[p] * inputs[p];
    }
    residuals[i] = xx > 0 ? Math.sqrt(dd / xx) : NaN;
  }
  if (residuals.every((r) => Number.isNaN(r))) throw new InputRangeError('stabilizationResiduals: every input is all zero, so no residual is defined');
  return { residuals, summary: quantileSummary(residuals) };
}

/** Residuals of a trained network beside those of an untrained one of the same shape, on the same inputs. */
export interface ResidualBaseline {
  readonly trained: StabilizationResiduals;
  readonly untrained: StabilizationResiduals;
  /** median(trained) / median(untrained): below 1 when training made A a better stabilizer. */
  readonly medianRatio: number;
  /** Fraction of inputs (defined in both) whose trained residual is below their untrained one. */
  readonly fractionImproved: number;
}

/**
 * The C5 baseline: stabilisation residuals of the trained network and of an untrained network of
 * the same shape (the caller runs both on the same inputs), summarised the same way, with the
 * ratio of medians and the fraction of inputs improved by training. Throws InputRangeError when
 * the two were not run on the same inputs.
 */
export function residualBaseline(trained: AutoencoderOutputs, untrained: AutoencoderOutputs): ResidualBaseline {
  const where = 'residualBaseline';
  checkAutoencoderOutputs(where, trained);
  checkAutoencoderOutputs(where, untrained);
  if (trained.count !== untrained.count || trained.dim !== untrained.dim) {
    throw new InputRangeError(`${where}: trained is ${trained.count} x ${trained.dim} but untrained is ${untrained.count} x ${untrained.dim}`);
  }
  for (let i = 0; i < trained.inputs.length; i++) {
    if (trained.inputs[i] !== untrained.inputs[i]) throw new InputRangeError(`${where}: trained and untrained inputs differ at index ${i}; run both on the same inputs`);
  }
  const t = stabilizationResiduals(trained);
  const u = stabilizationResiduals(untrained);
  let both = 0;
  let better = 0;
  for (let i = 0; i < trained.count; i++) {
    if (Number.isNaN(t.residuals[i]) || Number.isNaN(u.residuals[i])) continue;
    both++;
    if (t.residuals[i] < u.residuals[i]) better++;
  }
  return { trained: t, untrained: u, medianRatio: t.summary.median / u.summary.median, fractionImproved: better / both };
}
