import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import type { OnWorkProgress } from '../core/workProgress.js';
import { loadDataset } from '../data/loadDataset.js';
import { estimateRunBytes, largeRunWarning } from '../nn/runSize.js';
import { VERSION } from '../version.js';
import { ClaimIds, ResultsSchema, type Check, type CheckId, type Claim, type ClaimId, type FeatureResult, type Results } from '../results/index.js';
import type { SeedAnalysis } from './analyzeSeed.js';
import { CLAIMS } from './claims/index.js';
import type { RunContext } from './claims/claimModule.js';
import { checkOrbitStabilizer, checkRandomSearch } from './selfChecks/index.js';
import type { RunConfig } from './config.js';
import type { DeepUnitView } from './deepUnitViews.js';
import { learningRate } from './trainSeed.js';
import { seedWorkInputs, trainAndAnalyzeSeed, type SeedTimings } from './seedWork.js';
import { runSeedsInProcesses } from './seedProcesses.js';
import { analysisCheckpointPath, analysisKey, loadSeedAnalysis } from './analysisCheckpoint.js';
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
  /**
   * Seeds trained and analysed at once, each in a child process (`orbitscope seed-process`);
   * default 1, in this process. The results are the same either way; the progress bar of a
   * seed's analysis is shown only in this process (children send their log lines).
   */
  readonly seedProcesses?: number;
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
  // the split (held-out rows for residuals and shadows) and the measures every seed uses
  const inputs = await seedWorkInputs(config, data);
  const { world, orbitMeasure, trainCount, heldOutCount } = inputs;
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

  const analyses: SeedAnalysis[] = [];
  const deepViews: DeepUnitView[] = [];
  const key = analysisKey(runConfig);
  const recordSeed = (seed: number, s: SeedTimings) => {
    timings[`train seed ${seed}`] = s.train;
    timings[`train linear twin seed ${seed}`] = s.linearTwin;
    timings[`analyse seed ${seed}`] = s.analyze;
  };
  // a seed analysed before this run was killed is read back, not trained and analysed again
  const seedsStart = performance.now();
  const before = new Map(seeds.map((seed) => [seed, loadSeedAnalysis(out, seed, key)]));
  const pending = seeds.filter((seed) => !before.get(seed));
  const processes = Math.min(options.seedProcesses ?? 1, pending.length);
  if (processes > 1) {
    // seeds are independent (each draws from its own seed), so each trains and is analysed in a
    // process of its own, `processes` at a time, and is read back from its checkpoint below
    log(`seeds ${pending.join(', ')}: trained and analysed ${processes} at a time, each in its own process`);
    const done = await runSeedsInProcesses({ config, out, key, firstSeed: seeds[0] }, pending, processes, log);
    for (const [seed, s] of done) recordSeed(seed, s);
  }
  for (const seed of seeds) {
    const saved = before.get(seed) ?? (processes > 1 ? loadSeedAnalysis(out, seed, key) : null);
    if (saved) {
      analyses.push(saved.analysis);
      deepViews.push(...saved.deepViews);
      if (before.get(seed)) log(`seed ${seed}: analysis read from ${analysisCheckpointPath(out, seed)}`);
      continue;
    }
    if (processes > 1) throw new Error(`runExperiment: seed ${seed}'s process ended without its analysis checkpoint`);
    const { saved: fresh, timings: s } = await trainAndAnalyzeSeed(inputs, config, seed, seeds[0], out, key, log, options.progress);
    recordSeed(seed, s);
    analyses.push(fresh.analysis);
    deepViews.push(...fresh.deepViews);
  }

  // wall time of every seed's training and analysis together (below the per-seed sum when seeds run at once)
  tick('seeds', seedsStart);
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
