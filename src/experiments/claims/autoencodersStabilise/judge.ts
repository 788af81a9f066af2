import type { Claim, LayerResult } from '../../../results/index.js';
import type { Pooled } from '../claimModule.js';
import { bootstrapInterval, quantileSorted } from '../../statistics.js';
import { judge, DEFAULT_RULE } from '../../verdict.js';
import { unmeasuredClaim } from '../shared/correlationClaim.js';

export const TITLE = 'Autoencoders act as (shadowed) stabilizers of their inputs';

/** Per-input stabilisation residuals of one trained layer and of its untrained twin. */
export interface ResidualRecord {
  readonly seed: number;
  readonly layer: number;
  readonly trained: Float64Array;
  readonly untrained: Float64Array;
}

/** One seed's evidence for C5: per layer the residual summaries, shadow errors and per-input residuals. */
export interface AutoencodersStabiliseEvidence {
  readonly seed: number;
  readonly layers: readonly LayerResult[];
  readonly residuals: readonly ResidualRecord[];
}

const FAILS_WHEN = 'Not supported if the trained autoencoder reconstructed inputs no better than the baseline, beyond the minimum effect.';

function median(xs: ArrayLike<number>): number {
  return quantileSorted(Float64Array.from(xs).sort(), 0.5);
}

/**
 * C5: relative improvement in stabilisation residual r(A, x) = ||A(x) - x|| / ||x|| of the
 * trained network over an untrained one of the same shape, per input: d(x) = 1 - r_trained / r_untrained.
 * Statistic: the median of d over inputs of every layer and seed, with a bootstrap interval
 * (clusters = seed x layer). Shadow errors per group family, trained against untrained, are in the table.
 */
export function judgeAutoencodersStabilise(pooled: Pooled<AutoencodersStabiliseEvidence>, minimumEffect = DEFAULT_RULE.minimumEffect): Claim {
  const rule = { ...DEFAULT_RULE, minimumEffect };
  const statisticName = 'median of 1 - r_trained(x) / r_untrained(x)';
  const measured = 'Stabilisation residual ||A(x) - x|| / ||x|| of each trained layer on its inputs against an untrained network of the same shape, and the shadow error of the nearest group element per family.';
  const axes = { x: 'group family / residual', y: 'relative error' };
  const residuals = pooled.seeds.flatMap((s) => s.residuals);
  const layers = pooled.seeds.flatMap((s) => s.layers);
  const ds: number[] = [];
  const cl: number[] = [];
  residuals.forEach((r, k) => {
    for (let i = 0; i < r.trained.length; i++) {
      if (r.untrained[i] > 0) {
        ds.push(1 - r.trained[i] / r.untrained[i]);
        cl.push(k);
      }
    }
  });
  if (ds.length === 0) return unmeasuredClaim(TITLE, measured, statisticName, 'no residuals were measured', axes, FAILS_WHEN, minimumEffect);
  const stat = median(ds);
  const ci = bootstrapInterval(ds.length, (idx) => median(Float64Array.from(idx, (i) => ds[i])), { seed: 5, clusters: cl, resamples: 500 });
  const { verdict, reason } = judge(ci, ds.length, rule);
  const points = layers.flatMap((l) => [
    { x: 0, y: l.residuals.trained.median, label: `residual L${l.layer}`, series: 'trained', seed: l.seed, layer: l.layer },
    { x: 0, y: l.residuals.untrained.median, label: `residual L${l.layer}`, series: 'untrained', seed: l.seed, layer: l.layer },
    ...Object.entries(l.shadowErrors).flatMap(([fam, v]) => [
      { x: 0, y: v.trained, label: `${fam} L${l.layer}`, series: 'trained', seed: l.seed, layer: l.layer },
      { x: 0, y: v.untrained, label: `${fam} L${l.layer}`, series: 'untrained', seed: l.seed, layer: l.layer },
    ]),
  ]);
  const table = layers.map((l) => ({
    seed: l.seed,
    layer: l.layer,
    'median residual (trained)': l.residuals.trained.median,
    'median residual (untrained)': l.residuals.untrained.median,
    ...Object.fromEntries(Object.entries(l.shadowErrors).flatMap(([fam, v]) => [[`shadow ${fam} (trained)`, v.trained], [`shadow ${fam} (untrained)`, v.untrained]])),
  }));
  const perSeed = pooled.run.seeds.map((s) => {
    const vals = ds.filter((_, i) => residuals[cl[i]].seed === s);
    const m = vals.length ? median(vals) : NaN;
    const sci = vals.length > 1 ? bootstrapInterval(vals.length, (idx) => median(Float64Array.from(idx, (i) => vals[i])), { seed: 5, resamples: 300 }) : null;
    return { seed: s, statistic: Number.isFinite(m) ? m : null, ci: sci, n: vals.length, verdict: judge(sci, vals.length, rule).verdict };
  });
  return {
    verdict,
    statistic: stat,
    ci,
    n: ds.length,
    ...(reason ? { reason } : {}),
    title: TITLE,
    measured,
    statisticName,
    threshold: rule.threshold,
    minimumEffect,
    control: null,
    difference: null,
    controls: [],
    failsWhen: FAILS_WHEN,
    perSeed,
    points,
    axes,
    table,
  };
}
