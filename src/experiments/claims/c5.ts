import type { Claim } from '../results.js';
import type { Evidence } from '../evidence.js';
import { bootstrapInterval, quantileSorted } from '../statistics.js';
import { judge, DEFAULT_RULE } from '../verdict.js';
import { unmeasuredClaim } from './correlationClaim.js';

const TITLE = 'Autoencoders act as (shadowed) stabilizers of their inputs';

function median(xs: ArrayLike<number>): number {
  return quantileSorted(Float64Array.from(xs).sort(), 0.5);
}

/**
 * C5: relative improvement in stabilisation residual r(A, x) = ||A(x) - x|| / ||x|| of the
 * trained network over an untrained one of the same shape, per input: d(x) = 1 - r_trained / r_untrained.
 * Statistic: the median of d over inputs of every layer and seed, with a bootstrap interval
 * (clusters = seed x layer); supported when it lies above 0. Shadow errors per group family,
 * trained against untrained, are in the chart and table.
 */
export function claimC5(e: Evidence): Claim {
  const statisticName = 'median of 1 - r_trained(x) / r_untrained(x)';
  const measured = 'Stabilisation residual ||A(x) - x|| / ||x|| of each trained layer on its inputs against an untrained network of the same shape, and the shadow error of the nearest group element per family.';
  const axes = { x: 'group family / residual', y: 'relative error' };
  const ds: number[] = [];
  const cl: number[] = [];
  e.residuals.forEach((r, k) => {
    for (let i = 0; i < r.trained.length; i++) {
      if (r.untrained[i] > 0) {
        ds.push(1 - r.trained[i] / r.untrained[i]);
        cl.push(k);
      }
    }
  });
  if (ds.length === 0) return unmeasuredClaim(TITLE, measured, statisticName, 'no residuals were measured', axes);
  const stat = median(ds);
  const ci = bootstrapInterval(ds.length, (idx) => median(Float64Array.from(idx, (i) => ds[i])), { seed: 5, clusters: cl, resamples: 500 });
  const { verdict, reason } = judge(ci, ds.length, DEFAULT_RULE);
  const points = e.layers.flatMap((l) => [
    { x: 0, y: l.residuals.trained.median, label: `residual L${l.layer}`, series: 'trained', seed: l.seed, layer: l.layer },
    { x: 0, y: l.residuals.untrained.median, label: `residual L${l.layer}`, series: 'untrained', seed: l.seed, layer: l.layer },
    ...Object.entries(l.shadowErrors).flatMap(([fam, v]) => [
      { x: 0, y: v.trained, label: `${fam} L${l.layer}`, series: 'trained', seed: l.seed, layer: l.layer },
      { x: 0, y: v.untrained, label: `${fam} L${l.layer}`, series: 'untrained', seed: l.seed, layer: l.layer },
    ]),
  ]);
  const table = e.layers.map((l) => ({
    seed: l.seed,
    layer: l.layer,
    'median residual (trained)': l.residuals.trained.median,
    'median residual (untrained)': l.residuals.untrained.median,
    ...Object.fromEntries(Object.entries(l.shadowErrors).flatMap(([fam, v]) => [[`shadow ${fam} (trained)`, v.trained], [`shadow ${fam} (untrained)`, v.untrained]])),
  }));
  const perSeed = e.seeds.map((s) => {
    const vals = ds.filter((_, i) => e.residuals[cl[i]].seed === s);
    const m = vals.length ? median(vals) : NaN;
    const sci = vals.length > 1 ? bootstrapInterval(vals.length, (idx) => median(Float64Array.from(idx, (i) => vals[i])), { seed: 5, resamples: 300 }) : null;
    return { seed: s, statistic: Number.isFinite(m) ? m : null, ci: sci, n: vals.length, verdict: judge(sci, vals.length).verdict };
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
    threshold: DEFAULT_RULE.threshold,
    perSeed,
    points,
    axes,
    table,
  };
}
