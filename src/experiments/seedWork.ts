import type { OnWorkProgress } from '../core/workProgress.js';
import type { Dataset } from '../data/dataset.js';
import { finalStack } from '../analysis/trainedStack.js';
import { isFeatureFiniteGroup } from '../groups/groupNames.js';
import { analyzeSeed } from './analyzeSeed.js';
import { saveSeedAnalysis, type SavedSeedAnalysis } from './analysisCheckpoint.js';
import type { RunContext } from './claims/claimModule.js';
import type { RunConfig } from './config.js';
import { deepUnitViews } from './deepUnitViews.js';
import { orbitMeasureOf } from './orbitMeasureOf.js';
import { trainLinearTwinSeed, trainSeed } from './trainSeed.js';
import { worldOf, type WorldPrimitives } from './world.js';

/** What every seed of a run is trained and analysed on: the dataset split and the declared measures. */
export interface SeedWorkInputs {
  readonly data: Dataset;
  /** The first trainCount rows (trainCount x h*w). */
  readonly trainInputs: Float32Array;
  readonly trainCount: number;
  /** The last heldOutCount rows, never trained on. */
  readonly heldOutInputs: Float32Array;
  readonly heldOutCount: number;
  readonly world: WorldPrimitives | null;
  readonly orbitMeasure: RunContext['orbitMeasure'];
  readonly primaryEps: number;
}

/** Seconds one seed took per stage (the keys of results.json's timings, without the seed). */
export interface SeedTimings {
  readonly train: number;
  readonly linearTwin: number;
  readonly analyze: number;
}

/** The split and the measures of a run on its loaded dataset (the same in the run's process and in a seed process). */
export async function seedWorkInputs(config: RunConfig, data: Dataset): Promise<SeedWorkInputs> {
  const n = data.height * data.width;
  // held-out rows: the last evalCount rows, at most half the data
  const heldOutCount = Math.min(config.evalCount, Math.floor(data.count / 2));
  const trainCount = data.count - heldOutCount;
  const world = await worldOf(data);
  const orbitMeasure = orbitMeasureOf(config, world !== null);
  return {
    data,
    trainInputs: data.pixels.subarray(0, trainCount * n),
    trainCount,
    heldOutInputs: data.pixels.slice(trainCount * n, data.count * n),
    heldOutCount,
    world,
    orbitMeasure,
    primaryEps: isFeatureFiniteGroup(orbitMeasure.group) ? config.finiteEps : config.eps,
  };
}

const seconds = (since: number) => Math.round(performance.now() - since) / 1000;

/**
 * Train seed `seed` (its greedy stack, and the linear twin for autoencoders), analyse it, and
 * keep the analysis as the run directory's checkpoint for that seed (analysisCheckpoint.ts);
 * the deep-unit views are drawn for the run's first seed only.
 */
export async function trainAndAnalyzeSeed(
  inputs: SeedWorkInputs,
  config: RunConfig,
  seed: number,
  firstSeed: number,
  out: string,
  key: string,
  log: (line: string) => void,
  progress?: OnWorkProgress,
): Promise<{ saved: SavedSeedAnalysis; timings: SeedTimings }> {
  const { data, trainInputs, trainCount, heldOutInputs, heldOutCount, world, orbitMeasure, primaryEps } = inputs;
  const { height, width } = data;
  let t = performance.now();
  const trained = await trainSeed(data, trainInputs, config, seed, out, log);
  const train = seconds(t);
  t = performance.now();
  const linearTwin = config.model === 'ae' ? await trainLinearTwinSeed(data, trainInputs, config, seed) : null;
  const twin = seconds(t);
  t = performance.now();
  log(`seed ${seed}: analysing ${trained.layers[0].snapshots.length} snapshots`);
  const unwhiten = data.whitening?.inverse;
  const analysis = await analyzeSeed({ trained, height, width, trainInputs, trainCount, heldOutInputs, heldOutCount, world, config, orbitMeasure, primaryEps, linearTwin, ...(unwhiten ? { unwhiten } : {}), ...(progress ? { onProgress: progress } : {}) });
  const deepViews = seed === firstSeed ? await deepUnitViews(finalStack(trained), heldOutInputs, heldOutCount, height * width, unwhiten) : [];
  const saved = { analysis, deepViews };
  saveSeedAnalysis(out, seed, key, saved);
  return { saved, timings: { train, linearTwin: twin, analyze: seconds(t) } };
}
