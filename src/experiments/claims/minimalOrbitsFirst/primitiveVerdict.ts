import { nullThresholds } from '../../../analysis/matchNull.js';
import { emergenceOrder, type EmergenceOrder } from '../../emergenceOrder.js';
import { inferAcrossSeeds, judgeAcrossSeeds, seedRule, type SeedInference, type SeedVerdict } from '../../inference/index.js';
import type { PrimitiveOrderSeed } from './primitiveOrder.js';

/** C2's declared analysis choices for the primitive test. */
export interface PrimitiveOrderRule {
  /** False-emergence rate of the calibrated threshold (per primitive, for an untrained network). */
  readonly alpha: number;
  /** Smallest trained-minus-linear difference of the partial rank correlation that counts. */
  readonly minimumEffect: number;
  /** Fewest primitives that must emerge in the trained network of every seed for the test to stand. */
  readonly minEmerged: number;
}

export const DEFAULT_PRIMITIVE_ORDER_RULE: PrimitiveOrderRule = { alpha: 0.05, minimumEffect: 0.1, minEmerged: 4 };

/** One seed's emergence in both networks and its statistics. */
export interface PrimitiveOrderSeedResult {
  readonly seed: number;
  readonly trained: EmergenceOrder;
  readonly control: EmergenceOrder;
  /** Trained partial rho, null when undefined. */
  readonly trainedStatistic: number | null;
  /** Linear partial rho; 0 when its emergence has no order (nothing, or everything at one snapshot, emerged). */
  readonly controlStatistic: number;
  readonly difference: number | null;
}

/** The primitive test's result: verdict, thresholds and the inference behind it. */
export interface PrimitiveOrderJudgement {
  readonly verdict: SeedVerdict['verdict'];
  readonly reason?: string;
  /** Calibrated threshold per primitive (pooled null of every seed). */
  readonly thresholds: readonly number[];
  readonly nullDrawCount: number;
  readonly perSeed: readonly PrimitiveOrderSeedResult[];
  readonly trained: SeedInference;
  readonly control: SeedInference;
  readonly difference: SeedVerdict;
}

/**
 * Judge C2's primitive test (issue 14): thresholds from the null draws of all seeds pooled
 * (nullThresholds at the declared alpha), each network's sustained emergence per primitive, and
 * per seed the partial Spearman rho(orbit size, emergence | variance share) of the trained network
 * minus that of its linear twin; the verdict is judgeAcrossSeeds of those differences with the
 * declared minimum effect. The premise is that primitives emerge in the trained network: when a
 * seed has fewer than `minEmerged`, the verdict is `inconclusive` and says so.
 */
export function judgePrimitiveOrder(seeds: readonly PrimitiveOrderSeed[], rule: PrimitiveOrderRule = DEFAULT_PRIMITIVE_ORDER_RULE): PrimitiveOrderJudgement {
  const draws = seeds.flatMap((s) => s.nullDraws);
  const thresholds = draws.length ? nullThresholds(draws, rule.alpha) : [];
  const perSeed = seeds.map((s): PrimitiveOrderSeedResult => {
    const trained = emergenceOrder(s.primitives, s.trainedBest, thresholds, s.snapshotEpochs);
    const control = emergenceOrder(s.primitives, s.controlBest, thresholds, s.controlEpochs);
    const trainedStatistic = trained.emerged >= rule.minEmerged ? trained.partial : null;
    const controlStatistic = control.partial ?? 0;
    return { seed: s.seed, trained, control, trainedStatistic, controlStatistic, difference: trainedStatistic === null ? null : trainedStatistic - controlStatistic };
  });
  const trainedInf = inferAcrossSeeds(perSeed.map((s) => ({ seed: s.seed, value: s.trainedStatistic })));
  const controlInf = inferAcrossSeeds(perSeed.map((s) => ({ seed: s.seed, value: s.controlStatistic })));
  const difference = judgeAcrossSeeds(
    perSeed.map((s) => ({ seed: s.seed, value: s.difference })),
    seedRule(rule.minimumEffect),
  );
  const short = perSeed.filter((s) => s.trained.emerged < rule.minEmerged);
  const base = { thresholds, nullDrawCount: draws.length, perSeed, trained: trainedInf, control: controlInf, difference };
  if (seeds.length === 0 || seeds[0].primitives.length === 0) return { ...base, verdict: 'inconclusive', reason: 'no primitives: the primitive test needs a synthetic world with known orbits' };
  if (short.length > 0) {
    const total = seeds[0].primitives.length;
    const counts = short.map((s) => `seed ${s.seed}: ${s.trained.emerged}`).join(', ');
    return {
      ...base,
      verdict: 'inconclusive',
      reason: `too few primitives emerged in the trained network for the primitive test: in ${short.length} of ${seeds.length} seeds fewer than ${rule.minEmerged} of the ${total} primitives had a unit whose match stayed above the calibrated threshold (false-emergence rate ${rule.alpha}) to the end (emerged: ${counts})`,
    };
  }
  return { ...base, verdict: difference.verdict, ...(difference.reason ? { reason: difference.reason } : {}) };
}
