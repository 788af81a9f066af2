import type { TopLevelSpec } from 'vega-lite';
import type { RandomSource } from '../../core/random.js';
import type { TrainedSeed } from '../../analysis/trainedStack.js';
import type { Claim, ClaimId, FeatureResult } from '../../results/index.js';
import type { RunConfig } from '../config.js';
import type { WorldPrimitives } from '../world.js';
import type { OrbitMeasure } from './shared/orbitMeasure.js';

/** Everything one seed offers a claim: its trained stack, its data, and the shared feature analysis. */
export interface SeedContext {
  readonly seed: number;
  readonly trained: TrainedSeed;
  readonly height: number;
  readonly width: number;
  readonly config: RunConfig;
  readonly world: WorldPrimitives | null;
  /** Training inputs (count x h*w), the rows the networks were fitted on. */
  readonly trainInputs: Float32Array;
  readonly trainCount: number;
  /** Held-out inputs (count x h*w): rows never used in training. */
  readonly heldOutInputs: Float32Array;
  readonly heldOutCount: number;
  /** Inverse whitening matrix (d x d) when the data were ZCA-whitened. */
  readonly unwhiten?: Float32Array;
  /** Input-space features of every layer at every snapshot, with orbit numbers and complexity. */
  readonly features: readonly FeatureResult[];
  /** images[layer-1][snapshot] = units x h*w input-space features (pixel space). */
  readonly images: readonly (readonly Float32Array[])[];
  readonly snapshotTimes: readonly { step: number; epoch: number }[];
  /** Layer-1 best |cosine| of each world primitive with any unit, per snapshot: [snapshot][primitive]. */
  readonly primitiveBest: readonly (readonly number[])[];
  /** The orbit number used for learned features (e.g. p4m epsOrbitSize), with its label. */
  readonly orbitMeasure: OrbitMeasure;
  /** The declared epsilon of that orbit measure (config.finiteEps for finite groups, config.eps for Lie groups). */
  readonly primaryEps: number;
  /**
   * The linear twin of layer 1: a one-layer tied autoencoder with linear encoder and decoder
   * (squared error, no sparsity) of the same width, trained by the same engine with the same seed,
   * rows, epochs, batch, optimiser, learning rate, weight decay and snapshot schedule; null for RBMs.
   */
  readonly linearTwin: TrainedSeed | null;
  /** This claim's own random stream (forked from the seed by claim id). */
  readonly rng: RandomSource;
}

/** What every claim's judge sees besides its evidence: the run's shape and declared choices. */
export interface RunContext {
  readonly seeds: readonly number[];
  readonly layerCount: number;
  readonly snapshotEpochs: readonly number[];
  readonly config: RunConfig;
  /** The orbit number used for learned features (e.g. p4m epsOrbitSize), with its label. */
  readonly orbitMeasure: OrbitMeasure;
}

/** A claim's per-seed evidence pooled over the run's seeds. */
export interface Pooled<E> {
  readonly run: RunContext;
  readonly seeds: readonly E[];
}

/**
 * One claim of the paper, behind one interface: `collect` gathers a seed's evidence (trained and
 * its declared controls, by the same code), `judge` pools the seeds into a verdict on trained minus
 * control, `chart` gives the Vega-Lite spec the report and the explorer both draw.
 */
export interface ClaimModule<E> {
  readonly id: ClaimId;
  readonly title: string;
  collect(ctx: SeedContext): Promise<E>;
  /** `minimumEffect`: the config's declared minimum trained-minus-control difference for this claim. */
  judge(pooled: Pooled<E>, minimumEffect: number): Claim;
  chart(claim: Claim): TopLevelSpec | null;
}
