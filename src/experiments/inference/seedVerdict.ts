import { judge, type Judgement, type VerdictRule } from '../verdict.js';
import { inferAcrossSeeds, type SeedInference, type SeedStatistic } from './acrossSeeds.js';

/**
 * Fewest seeds that can give `supported`: with n seeds the exact one-sided sign-flip p-value is at
 * least 2^-n, and 2^-6 = 0.016 is the first that reaches 0.025 (2^-5 = 0.031 does not).
 */
export const MINIMUM_SEEDS = 6;

/** The rule of inference across seeds when a claim declares only its minimum effect. */
export function seedRule(minimumEffect: number, threshold = 0): VerdictRule {
  return { threshold, minimumEffect, minimumN: MINIMUM_SEEDS };
}

/** A verdict with the inference it rests on. */
export interface SeedVerdict extends Judgement {
  readonly inference: SeedInference;
  readonly rule: VerdictRule;
}

/**
 * THE VERDICT RULE of Orbitscope's claims (docs/inference.md quotes it; keep the two in step).
 * Let m = threshold + minimum effect (declared per claim before the run) and take the per-seed
 * statistics (for a claim about learning: trained minus control, per seed).
 * - `supported`: at least minimumN seeds (default 6), every seed's statistic defined, the 95%
 *   Student t interval of their mean lies entirely above m, and the exact one-sided sign-flip
 *   test of "mean <= m" gives p <= 0.025.
 * - `not supported`: the same seeds, and the 95% t interval lies entirely below m (the effect is
 *   absent, smaller than the minimum effect, or goes the other way).
 * - `inconclusive` otherwise, with the reason: too few seeds, a seed without a statistic, the
 *   interval containing m, or the t interval above m while the sign-flip test does not reject.
 */
export function judgeAcrossSeeds(perSeed: readonly SeedStatistic[], rule: VerdictRule, level = 0.95): SeedVerdict {
  const m = rule.threshold + rule.minimumEffect;
  const inference = inferAcrossSeeds(perSeed, { level, nullValue: m });
  const done = (j: Judgement): SeedVerdict => ({ ...j, inference, rule });
  if (inference.undefinedSeeds.length > 0) {
    return done({ verdict: 'inconclusive', reason: `the statistic is undefined on seed(s) ${inference.undefinedSeeds.join(', ')}; leaving them out could bias the mean` });
  }
  if (inference.n < rule.minimumN) return done({ verdict: 'inconclusive', reason: `only ${inference.n} seeds (at least ${rule.minimumN} needed)` });
  const j = judge(inference.ci, inference.n, rule);
  const alpha = (1 - level) / 2;
  if (j.verdict === 'supported' && (inference.pValue === null || inference.pValue > alpha)) {
    return done({
      verdict: 'inconclusive',
      reason: `the t interval lies above ${m} but the exact sign-flip test of mean <= ${m} gives p = ${inference.pValue?.toFixed(4)} > ${alpha} (${inference.n} seeds)`,
    });
  }
  return done(j);
}
