import { complexity, type Complexity } from '../../../analysis/complexity.js';
import type { SeedContext } from '../claimModule.js';
import { worldPrimitiveRecords, type PrimitiveRecord } from '../minimalOrbitsFirst/collect.js';
import type { RandomSource } from '../../../core/random.js';
import { epsOrbitSizes, SENSITIVITY_EPS } from '../shared/orbitMeasure.js';
import { phaseRandomize } from '../../../analysis/phaseRandomize.js';
import type { FeatureSet, MinimalOrbitsSimplestEvidence } from './judge.js';

/** The declared controls of C3, in order. */
export const C3_CONTROLS = ['untrained features (snapshot 0)', 'phase-randomised surrogates'] as const;

/** Orbit sizes at every eps and complexity of each of `units` features (units x h*w). */
async function featureSet(images: Float32Array, units: number, h: number, w: number, group: string, epsList: readonly number[]): Promise<FeatureSet> {
  const n = h * w;
  const orbit = await epsOrbitSizes(images, units, h, w, group, epsList);
  const cx: Complexity[] = Array.from({ length: units }, (_, u) => complexity(images.subarray(u * n, (u + 1) * n), h, w));
  return { orbit, complexity: cx };
}

/** What C3 measures on one seed's layer-1 features. */
export interface SimplestFeatures {
  readonly seed: number;
  /** Final and initial (snapshot 0) layer-1 features, units x h*w each. */
  readonly final: Float32Array;
  readonly initial: Float32Array;
  readonly units: number;
  readonly height: number;
  readonly width: number;
  /** Group of the orbit measure and the eps values (the declared one first). */
  readonly group: string;
  readonly epsList: readonly number[];
  readonly rng: RandomSource;
  readonly primitives: readonly PrimitiveRecord[];
}

/**
 * C3 evidence from a seed's final and initial layer-1 features: orbit sizes (at every eps) and
 * every complexity measure, for the features and, by the same code, for the controls: the
 * untrained features (snapshot 0) and phase-randomised surrogates of the final features (same
 * amplitude spectrum, random phases: what is left when only the spectrum is kept).
 */
export async function simplestEvidence(f: SimplestFeatures): Promise<MinimalOrbitsSimplestEvidence> {
  const set = (x: Float32Array) => featureSet(x, f.units, f.height, f.width, f.group, f.epsList);
  const surrogates = phaseRandomize(f.final, f.units, f.height, f.width, f.rng);
  return {
    seed: f.seed,
    epsList: f.epsList,
    trained: await set(f.final),
    controls: { [C3_CONTROLS[0]]: await set(f.initial), [C3_CONTROLS[1]]: await set(surrogates) },
    primitives: f.primitives,
  };
}

/** C3 evidence of one seed (see simplestEvidence), at the declared eps and at 0.25, 0.5, 0.75. */
export async function collectMinimalOrbitsSimplest(ctx: SeedContext): Promise<MinimalOrbitsSimplestEvidence> {
  const layer1 = ctx.images[0];
  const final = layer1[layer1.length - 1];
  return simplestEvidence({
    seed: ctx.seed,
    final,
    initial: layer1[0],
    units: final.length / (ctx.height * ctx.width),
    height: ctx.height,
    width: ctx.width,
    group: ctx.orbitMeasure.group,
    epsList: [...new Set([ctx.primaryEps, ...SENSITIVITY_EPS])],
    rng: ctx.rng,
    primitives: worldPrimitiveRecords(ctx),
  });
}
