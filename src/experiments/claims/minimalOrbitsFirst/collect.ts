import { complexity } from '../../../analysis/complexity.js';
import { primitiveEmergence } from '../../../analysis/emergence.js';
import type { FeatureResult } from '../../../results/index.js';
import type { SeedContext } from '../claimModule.js';
import { finalFeatures } from '../../seedFeatures.js';
import { learningRate } from '../../trainSeed.js';
import { collectPrimitiveOrder } from './primitiveOrder.js';
import { dataCovariance, varianceShareAlong } from '../../confoundTable.js';

// the covariance of a run's training rows, computed once for all its seeds
const covariances = new WeakMap<Float32Array, Float64Array>();

/**
 * Each final layer-1 unit's share of the training data's variance along its weight vector (in the
 * network's own input space), the competing predictor of a unit's settling epoch: modes of large
 * variance are learned first in any network (Saxe et al. 2014).
 */
function unitVarianceShares(ctx: SeedContext): number[] {
  const d = ctx.height * ctx.width;
  let C = covariances.get(ctx.trainInputs);
  if (!C) covariances.set(ctx.trainInputs, (C = dataCovariance(ctx.trainInputs, ctx.trainCount, d)));
  const snaps = ctx.trained.layers[0].snapshots;
  const W = snaps[snaps.length - 1].layer.weights.W;
  return Array.from({ length: W.length / d }, (_, u) => varianceShareAlong(C, d, W.subarray(u * d, (u + 1) * d)));
}
import type { MinimalOrbitsFirstEvidence } from './judge.js';

/** A primitive of the synthetic world with its exact orbit and its match at the end of one seed's training. */
export interface PrimitiveRecord {
  readonly seed: number;
  readonly name: string;
  readonly group: string;
  readonly orbitSize: number;
  readonly stabilizerOrder: number;
  readonly complexity: FeatureResult['complexity'];
  /**
   * First epoch where some unit matches at cosine >= the run's emergence cosine: an uncalibrated
   * reading kept for the tables (C2's verdict uses calibrated, sustained emergence); null = never.
   */
  readonly emergenceEpoch: number | null;
  readonly bestCosine: number;
}

/** The world's primitives with their exact orbits, complexity and final best match over layer-1 snapshots. */
export function worldPrimitiveRecords(ctx: SeedContext): PrimitiveRecord[] {
  const world = ctx.world;
  if (!world) return [];
  const last = ctx.primitiveBest.length - 1;
  return world.primitives.map((p, j) => {
    const k = primitiveEmergence(ctx.primitiveBest.map((b) => b[j]), ctx.config.emergenceCosine);
    return {
      seed: ctx.seed,
      name: p.name,
      group: world.group,
      orbitSize: p.orbitMeasure,
      stabilizerOrder: p.stabilizerOrder,
      complexity: complexity(p.template, ctx.height, ctx.width),
      emergenceEpoch: k === null ? null : ctx.snapshotTimes[k].epoch,
      bestCosine: ctx.primitiveBest[last][j],
    };
  });
}

/**
 * C2 evidence of one seed: on a synthetic world with a confound table, the primitive test's
 * trajectories (trained network, its linear twin, null draws of the untrained layer); always the
 * final layer-1 units for the secondary, unit-level statistic.
 */
export async function collectMinimalOrbitsFirst(ctx: SeedContext): Promise<MinimalOrbitsFirstEvidence> {
  const world = ctx.world;
  const units = ctx.config.layers[0];
  const order =
    world && world.confound && ctx.primitiveBest.length > 0
      ? await collectPrimitiveOrder({
          seed: ctx.seed,
          primitives: world.primitives,
          varianceShares: world.confound.rows.map((r) => r.varianceShare),
          snapshotEpochs: ctx.snapshotTimes.map((s) => s.epoch),
          trainedBest: ctx.primitiveBest,
          untrained: ctx.images[0][0],
          units,
          height: ctx.height,
          width: ctx.width,
          trainInputs: ctx.trainInputs,
          twin: {
            epochs: ctx.config.epochs,
            batch: ctx.config.batch,
            lr: learningRate(ctx.config),
            seed: ctx.seed,
            optimizer: ctx.config.optimizer,
            weightDecay: ctx.config.weightDecay,
            snapshotsPerDecade: ctx.config.snapshotsPerDecade,
          },
          ...(ctx.linearTwin ? { twinSnapshots: ctx.linearTwin.layers[0].snapshots.map((s) => ({ step: s.step, epoch: s.epoch, W: s.layer.weights.W })) } : {}),
          nullDraws: ctx.config.emergenceNullDraws,
          rng: ctx.rng.fork(1),
        })
      : null;
  const finals = finalFeatures(ctx.features, 1);
  const shares = unitVarianceShares(ctx);
  return {
    seed: ctx.seed,
    primitives: worldPrimitiveRecords(ctx),
    units: finals,
    unitVarianceShares: finals.map((f) => shares[f.unit]),
    order,
    confound: world?.confound ?? null,
    labels: world?.labels ?? null,
    spectra: world?.spectra ?? null,
  };
}
