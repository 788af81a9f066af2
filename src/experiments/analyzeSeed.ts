import type { OnWorkProgress } from '../core/workProgress.js';
import { RandomSource } from '../core/random.js';
import type { TrainedSeed } from '../analysis/trainedStack.js';
import { ClaimIds, type ClaimId, type FeatureResult } from '../results/index.js';
import { CLAIMS } from './claims/index.js';
import type { SeedContext } from './claims/claimModule.js';
import { seedFeatures } from './seedFeatures.js';
import { collectOrbitStabilizer, collectRandomSearch, type OrbitStabilizerCheck, type RandomSearchEvidence } from './selfChecks/index.js';
import type { RunConfig } from './config.js';
import type { WorldPrimitives } from './world.js';

export type { WorldPrimitives } from './world.js';

/** The inputs of one seed's analysis. */
export interface SeedAnalysisInput {
  readonly trained: TrainedSeed;
  readonly height: number;
  readonly width: number;
  /** Rows the networks were trained on (count x h*w). */
  readonly trainInputs: Float32Array;
  readonly trainCount: number;
  /** Rows never used in training (count x h*w): residuals and shadows are measured on these. */
  readonly heldOutInputs: Float32Array;
  readonly heldOutCount: number;
  readonly world: WorldPrimitives | null;
  readonly config: RunConfig;
  /** The orbit number used for learned features, and its declared epsilon. */
  readonly orbitMeasure: SeedContext['orbitMeasure'];
  readonly primaryEps: number;
  /** The linear twin of layer 1 (see SeedContext), null when none was trained. */
  readonly linearTwin: TrainedSeed | null;
  /**
   * Inverse whitening matrix (d x d, symmetric) when the data were ZCA-whitened: every
   * input-space feature is mapped back to pixel space by it before analysis.
   */
  readonly unwhiten?: Float32Array;
  /** Progress: one stage per seed, one item per part (features, each claim's evidence, the self-checks). */
  readonly onProgress?: OnWorkProgress;
}

/** One seed's analysis: each claim's evidence, the self-checks' records, and the features for figures. */
export interface SeedAnalysis {
  readonly seed: number;
  readonly evidence: Record<ClaimId, unknown>;
  readonly orbitChecks: OrbitStabilizerCheck[];
  readonly randomSearch: RandomSearchEvidence;
  readonly features: FeatureResult[];
  /** images[layer-1][snapshot] = units x h*w input-space images. */
  readonly images: Float32Array[][];
  readonly snapshotTimes: { step: number; epoch: number }[];
}

/**
 * Analyse one seed's trained stack: the shared input-space features of every layer and snapshot,
 * then each claim's own evidence (trained and its controls) through its module's `collect`, and
 * the records of the engine self-checks.
 */
export async function analyzeSeed(input: SeedAnalysisInput): Promise<SeedAnalysis> {
  const { trained, height, width, config, world } = input;
  const seed = trained.seed;
  const stage = `seed ${seed}: analysis`;
  const parts = ClaimIds.length + 2;
  let done = 0;
  const step = () => input.onProgress?.({ stage, done: ++done, total: parts, unit: 'parts' });
  input.onProgress?.({ stage, done: 0, total: parts, unit: 'parts' });
  const shared = await seedFeatures(trained, height, width, config, world, input.unwhiten);
  step();
  const base: Omit<SeedContext, 'rng'> = {
    seed,
    trained,
    height,
    width,
    config,
    world,
    trainInputs: input.trainInputs,
    trainCount: input.trainCount,
    heldOutInputs: input.heldOutInputs,
    heldOutCount: input.heldOutCount,
    ...(input.unwhiten ? { unwhiten: input.unwhiten } : {}),
    orbitMeasure: input.orbitMeasure,
    primaryEps: input.primaryEps,
    linearTwin: input.linearTwin,
    ...shared,
  };
  const root = RandomSource.fromSeed(seed);
  const evidence = {} as Record<ClaimId, unknown>;
  for (const [k, id] of ClaimIds.entries()) {
    evidence[id] = await CLAIMS[id].collect({ ...base, rng: root.fork(100 + k) });
    step();
  }
  const checksContext = { ...base, rng: root.fork(7) };
  const randomSearch = collectRandomSearch(checksContext);
  const orbitChecks = [...collectOrbitStabilizer(checksContext), ...randomSearch.primitiveChecks];
  step();
  return { seed, evidence, orbitChecks, randomSearch, features: shared.features, images: shared.images, snapshotTimes: shared.snapshotTimes };
}
