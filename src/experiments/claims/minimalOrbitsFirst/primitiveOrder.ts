import type { RandomSource } from '../../../core/random.js';
import { matchPrimitives, type PrimitiveOrbit } from '../../../analysis/primitiveMatch.js';
import { nullBestMatches } from '../../../analysis/matchNull.js';
import { linearModes } from '../../../analysis/linearModes.js';
import { trainLinearTwin, type TwinSnapshot, type TwinTraining } from '../../linearTwin.js';
import type { OrderedPrimitive } from '../../emergenceOrder.js';

/** One seed's evidence for C2's primitive test: match trajectories of the trained network, its linear twin and the null. */
export interface PrimitiveOrderSeed {
  readonly seed: number;
  readonly primitives: readonly (OrderedPrimitive & { readonly stabilizerOrder: number })[];
  readonly snapshotEpochs: readonly number[];
  /** [snapshot][primitive]: best |centred cosine| of any layer-1 unit with any orbit element. */
  readonly trainedBest: readonly (readonly number[])[];
  readonly controlEpochs: readonly number[];
  /** [snapshot][primitive]: the same for the linear twin's modes. */
  readonly controlBest: readonly (readonly number[])[];
  /** [draw][primitive]: the same for phase-randomised surrogates of the untrained layer. */
  readonly nullDraws: readonly (readonly number[])[];
}

/** What collectPrimitiveOrder needs of a seed. */
export interface PrimitiveOrderInput {
  readonly seed: number;
  /** The world's primitives: orbit elements to match, and the orbit measure the statistic ranks by. */
  readonly primitives: readonly (PrimitiveOrbit & { readonly stabilizerOrder: number; readonly orbitMeasure: number })[];
  /** Each primitive's share of the data variance (confoundTable), in the same order. */
  readonly varianceShares: readonly number[];
  readonly snapshotEpochs: readonly number[];
  readonly trainedBest: readonly (readonly number[])[];
  /** The trained network's layer-1 filters at snapshot 0 (units x h*w). */
  readonly untrained: Float32Array;
  readonly units: number;
  readonly height: number;
  readonly width: number;
  readonly trainInputs: Float32Array;
  readonly twin: TwinTraining;
  /** The twin's snapshots when the run trained it already (SeedContext.linearTwin, the same settings); else it is trained here. */
  readonly twinSnapshots?: readonly TwinSnapshot[];
  /** Null draws for this seed (pooled over seeds when judged). */
  readonly nullDraws: number;
  readonly rng: RandomSource;
}

/**
 * C2's primitive evidence for one seed: the trained network's match trajectories (given), the
 * linear twin's (trained here, same width and settings; its modes are matched, since a linear
 * layer's units are defined only up to a rotation of its code) and null draws from surrogates of
 * the untrained layer with its spectrum. Emergence is decided later, once the null draws of all
 * seeds are pooled into one calibrated threshold per primitive.
 */
export async function collectPrimitiveOrder(input: PrimitiveOrderInput): Promise<PrimitiveOrderSeed> {
  const d = input.height * input.width;
  const twin = input.twinSnapshots ?? (await trainLinearTwin(input.trainInputs, d, input.units, input.twin));
  const controlBest: number[][] = [];
  for (const s of twin) controlBest.push((await matchPrimitives(linearModes(s.W, input.units, d).modes, input.units, d, input.primitives)).perPrimitive);
  const nullDraws = await nullBestMatches(input.untrained, input.units, input.height, input.width, input.primitives, input.nullDraws, input.rng);
  return {
    seed: input.seed,
    primitives: input.primitives.map((p, j) => ({ name: p.name, orbitSize: p.orbitMeasure, stabilizerOrder: p.stabilizerOrder, varianceShare: input.varianceShares[j] })),
    snapshotEpochs: [...input.snapshotEpochs],
    trainedBest: input.trainedBest.map((b) => [...b]),
    controlEpochs: twin.map((s) => s.epoch),
    controlBest,
    nullDraws,
  };
}
