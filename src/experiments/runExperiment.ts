import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import type { OnWorkProgress } from '../core/workProgress.js';
import { loadDataset } from '../data/loadDataset.js';
import { estimateRunBytes, largeRunWarning } from '../nn/runSize.js';
import { VERSION } from '../version.js';
import { finalStack } from '../analysis/trainedStack.js';
import { ClaimIds, ResultsSchema, type Check, type CheckId, type Claim, type ClaimId, type FeatureResult, type Results } from '../results/index.js';
import { analyzeSeed, type SeedAnalysis } from './analyzeSeed.js';
import { CLAIMS } from './claims/index.js';
import type { RunContext } from './claims/claimModule.js';
import { checkOrbitStabilizer, checkRandomSearch } from './selfChecks/index.js';
import type { RunConfig } from './config.js';
import { isFeatureFiniteGroup } from '../groups/groupNames.js';
import { deepUnitViews, type DeepUnitView } from './deepUnitViews.js';
import { worldOf } from './world.js';
import { learningRate, trainLinearTwinSeed, trainSeed } from './trainSeed.js';
import { analysisCheckpointPath, analysisKey, loadSeedAnalysis, saveSeedAnalysis } from './analysisCheckpoint.js';
import { claimRunDirectory, writeFeatureImages, writeResults, writeUnitTables } from './runDirectory.js';
import type { AutoencodersStabilizeEvidence } from './claims/autoencodersStabilize/index.js';
import type { Dataset } from '../data/dataset.js';
import type { WorldPrimitives } from './world.js';

export type { DeepUnitView };

/** One seed's feature images as the report draws them: [layer][snapshot] -> (units, h*w). */
export interface SeedImages {
  readonly seed: number;
  readonly images: Float32Array[][];
  readonly snapshotTimes: { step: number; epoch: number }[];
}

/** What a run hands its report writer besides results.json. */
export interface RunReportContext {
  readonly height: number;
  readonly width: number;
  readonly world: WorldPrimitives | null;
  readonly data: Dataset;
  readonly config: RunConfig;
  /** The learning rate actually used. */
  readonly lr: number;
  readonly orbitMeasure: RunContext['orbitMeasure'];
  readonly trainCount: number;
  readonly heldOutCount: number;
  readonly deepViews: readonly DeepUnitView[];
}

/** Writes report.html and figures/ for a finished run from results.json and the per-unit records (src/report/writeRunReport.ts). */
export type RunReportWriter = (out: string, results: Results, features: readonly FeatureResult[], seeds: readonly SeedImages[], ctx: RunReportContext) => Promise<void>;

export { jsonReplacer } from './runDirectory.js';

/** Options of a run besides its configuration. */
export interface RunOptions {
  /** The run directory. */
  readonly out: string;
  /** Progress lines (stderr in the CLI); undefined = quiet. */
  readonly log?: (line: string) => void;
  /** Warnings that --quiet does not silence (a run about to write gigabytes); default: log. */
  readonly warn?: (line: string) => void;
  /** Progress of each seed's analysis (a bar on a terminal); undefined = none. */
  readonly progress?: OnWorkProgress;
  /** Writes the report (report sits above experiments, so the caller passes it); undefined = no report. */
  readonly writeReport?: RunReportWriter;
}

/** The orbit number used for learned features, from the declared groups and the world. */
export function orbitMeasureOf(config: RunConfig, syntheticWorld: boolean): RunContext['orbitMeasure'] {
  const lieGroup = config.groups.find((g) => !isFeatureFiniteGroup(g));
  const finiteGroup = config.groups.find(isFeatureFiniteGroup);
  // Learned features are real-valued: their orbit is measured by an epsilon-orbit. On a torus
  // world (shapes) features sit anywhere, so the world's own finite group serves; elsewhere an
  // image-plane Lie group about the image centre.
  return finiteGroup && (syntheticWorld || !lieGroup)
    ? { group: finiteGroup, field: 'epsOrbitSize', label: `ε-orbit size under ${finiteGroup} (ε = ${config.finiteEps}, centred)` }
    : { group: lieGroup!, field: 'epsOrbitSize', label: `ε-orbit size under ${lieGroup!.toUpperCase()} (ε = ${config.eps})` };
}

/**
 * Run the experiments end to end: load the data, hold out the last rows, train a greedy stack per
 * seed on the rest, analyse every seed (each claim collects its evidence and controls), judge each
 * claim on the pooled evidence, run the engine self-checks, and write the run directory. The same
 * configuration gives the same results.json (timings aside).
 */
export async function runExperiment(config: RunConfig, options: RunOptions): Promise<{ results: Results; elapsedSeconds: number }> {
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  const log = options.log ?? (() => {});
  const out = options.out;
  const tick = (name: string, since: number) => (timings[name] = Math.round(performance.now() - since) / 1000);

  let t = performance.now();
  const data = await loadDataset(config.data, { warn: (m) => log(`warning: ${m}`) });
  tick('data', t);
  const { height: h, width: w, count } = data;
  const n = h * w;
  // held-out rows for residuals and shadows: the last evalCount rows, at most half the data
  const heldOutCount = Math.min(config.evalCount, Math.floor(count / 2));
  const trainCount = count - heldOutCount;
  if (trainCount < config.batch) throw new UserError(`the dataset has ${count} samples: after holding out ${heldOutCount} for evaluation, fewer than one batch of ${config.batch} remain to train on`);
  const seeds = Array.from({ length: config.seeds }, (_, i) => config.seed + i);
  const layerSizes = [n, ...config.layers];
  const bytes = config.seeds * estimateRunBytes({ layers: layerSizes, count: trainCount, batch: config.batch, epochs: config.epochs, untied: false, snapshots: { perDecade: config.snapshotsPerDecade, everyEpoch: true } });
  const warning = largeRunWarning(bytes, out, layerSizes, config.seeds);
  if (warning) (options.warn ?? log)(warning);
  const runConfig = {
    config,
    dataset: { spec: data.spec, hash: data.hash, count, height: h, width: w },
    version: VERSION,
    seeds,
    rerun: `orbitscope run --config ${join(out, 'config.json')} --out ${out}`,
  };
  claimRunDirectory(out, runConfig);
  log(`data: ${data.spec}: ${count} images of ${h} x ${w} (${trainCount} to train on, ${heldOutCount} held out)`);

  const world = await worldOf(data);
  const trainInputs = data.pixels.subarray(0, trainCount * n);
  const heldOutInputs = data.pixels.slice(trainCount * n, count * n);
  const analyses: SeedAnalysis[] = [];
  const deepViews: DeepUnitView[] = [];
  const orbitMeasure = orbitMeasureOf(config, world !== null);
  const primaryEps = isFeatureFiniteGroup(orbitMeasure.group) ? config.finiteEps : config.eps;
  const key = analysisKey(runConfig);
  for (const seed of seeds) {
    // a seed analysed before this run was killed is read back, not trained and analysed again
    const saved = loadSeedAnalysis(out, seed, key);
    if (saved) {
      analyses.push(saved.analysis);
      deepViews.push(...saved.deepViews);
      log(`seed ${seed}: analysis read from ${analysisCheckpointPath(out, seed)}`);
      continue;
    }
    t = performance.now();
    const trained = await trainSeed(data, trainInputs, config, seed, out, log);
    tick(`train seed ${seed}`, t);
    t = performance.now();
    const linearTwin = config.model === 'ae' ? await trainLinearTwinSeed(data, trainInputs, config, seed) : null;
    tick(`train linear twin seed ${seed}`, t);
    t = performance.now();
    log(`seed ${seed}: analysing ${trained.layers[0].snapshots.length} snapshots`);
    const analysis = await analyzeSeed({ trained, height: h, width: w, trainInputs, trainCount, heldOutInputs, heldOutCount, world, config, orbitMeasure, primaryEps, linearTwin, ...(data.whitening ? { unwhiten: data.whitening.inverse } : {}), ...(options.progress ? { onProgress: options.progress } : {}) });
    const views = seed === seeds[0] ? await deepUnitViews(finalStack(trained), heldOutInputs, heldOutCount, n, data.whitening?.inverse) : [];
    saveSeedAnalysis(out, seed, key, { analysis, deepViews: views });
    analyses.push(analysis);
    deepViews.push(...views);
    tick(`analyse seed ${seed}`, t);
  }

  t = performance.now();
  const run: RunContext = { seeds, layerCount: config.layers.length, snapshotEpochs: analyses[0].snapshotTimes.map((s) => s.epoch), config, orbitMeasure };
  const claims = {} as Record<ClaimId, Claim>;
  for (const id of ClaimIds) {
    const module = CLAIMS[id];
    claims[id] = module.judge({ run, seeds: analyses.map((a) => a.evidence[id]) }, config.minimumEffects[id]);
  }
  const checks: Record<CheckId, Check> = {
    C0: checkOrbitStabilizer(analyses.flatMap((a) => a.orbitChecks)),
    C1: checkRandomSearch(analyses.flatMap((a) => a.randomSearch.records), analyses.flatMap((a) => a.randomSearch.races)),
  };
  tick('claims', t);

  t = performance.now();
  writeFeatureImages(out, analyses, h, w, config.layers);
  const { rerun: _rerun, ...portable } = runConfig;
  const layers = analyses.flatMap((a) => (a.evidence.C5 as AutoencodersStabilizeEvidence).layers);
  // per-unit, per-snapshot records go to Parquet tables: results.json stays the summary a person reads
  const features = analyses.flatMap((a) => a.features);
  const unitTables = writeUnitTables(out, features);
  const results: Results = ResultsSchema.parse({
    version: VERSION,
    config: portable as Record<string, unknown>,
    checks,
    claims,
    dataSplit: { training: [[0, trainCount]], heldOut: [[trainCount, count]] },
    layers,
    unitTables,
    timings: {},
  });
  await options.writeReport?.(out, results, features, analyses, { height: h, width: w, world, data, config, lr: learningRate(config), orbitMeasure: run.orbitMeasure, deepViews, trainCount, heldOutCount });
  tick('report', t);
  timings.total = Math.round(performance.now() - t0) / 1000;
  const final = { ...results, timings };
  writeResults(out, final);
  return { results: final, elapsedSeconds: timings.total };
}
