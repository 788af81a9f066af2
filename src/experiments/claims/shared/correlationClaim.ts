import type { Claim, ClaimPoint } from '../../../results/index.js';
import { spearmanWithInterval } from '../../statistics.js';
import { judge, type VerdictRule, DEFAULT_RULE } from '../../verdict.js';

/** What a correlation claim needs: paired observations with the seed each came from. */
export interface CorrelationInput {
  readonly title: string;
  readonly measured: string;
  readonly statisticName: string;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly seeds: readonly number[];
  readonly points: readonly ClaimPoint[];
  readonly axes: { x: string; y: string };
  /** One sentence: what data would have made the claim come out not supported. */
  readonly failsWhen: string;
  readonly rule?: VerdictRule;
  readonly bootstrapSeed?: number;
  /** Sign of the predicted correlation: +1 when the claim predicts y grows with x. */
  readonly predictedSign?: 1 | -1;
}

const nullable = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * Spearman's rho of (x, y) pooled over seeds, with a two-stage bootstrap interval (seeds, then
 * observations within seeds), judged by the verdict rule; the same per seed. With a predicted
 * negative sign, rho is negated so that "supported" always means "as the paper predicts".
 */
export function correlationClaim(input: CorrelationInput): Claim {
  const rule = input.rule ?? DEFAULT_RULE;
  const sign = input.predictedSign ?? 1;
  const ys = input.ys.map((y) => sign * y);
  const pooled = spearmanWithInterval(input.xs, ys, { seed: input.bootstrapSeed ?? 0, clusters: input.seeds });
  const { verdict, reason } = judge(pooled.ci, pooled.n, rule);
  const perSeed = [...new Set(input.seeds)]
    .sort((a, b) => a - b)
    .map((s) => {
      const idx = input.seeds.map((t, i) => (t === s ? i : -1)).filter((i) => i >= 0);
      const r = spearmanWithInterval(
        idx.map((i) => input.xs[i]),
        idx.map((i) => ys[i]),
        { seed: input.bootstrapSeed ?? 0 },
      );
      return { seed: s, statistic: nullable(r.rho), ci: r.ci, n: r.n, verdict: judge(r.ci, r.n, rule).verdict };
    });
  return {
    verdict,
    statistic: nullable(pooled.rho),
    ci: pooled.ci,
    n: pooled.n,
    ...(reason ? { reason } : {}),
    title: input.title,
    measured: input.measured,
    statisticName: input.statisticName,
    threshold: rule.threshold,
    minimumEffect: rule.minimumEffect,
    control: null,
    difference: null,
    controls: [],
    failsWhen: input.failsWhen,
    perSeed,
    points: [...input.points],
    axes: input.axes,
  };
}

/** A claim that could not be measured: inconclusive with the reason, never a crash. */
export function unmeasuredClaim(title: string, measured: string, statisticName: string, reason: string, axes = { x: '', y: '' }, failsWhen = '', minimumEffect = 0): Claim {
  return { verdict: 'inconclusive', statistic: null, ci: null, n: 0, reason, title, measured, statisticName, threshold: 0, minimumEffect, control: null, difference: null, controls: [], failsWhen, perSeed: [], points: [], axes };
}
