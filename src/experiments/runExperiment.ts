import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../core/errors.js';
import { loadDataset } from '../data/loadDataset.js';
import type { Dataset } from '../data/dataset.js';
import { encodeNpy } from '../data/npy.js';
import { primitiveTemplates } from '../data/shapes/primitives.js';
import { templateOrbit } from '../data/shapes/templateOrbit.js';
import { shapesCatalogue } from '../data/shapes/catalogue.js';
import { trainStack } from '../nn/trainStack.js';
import { readSnapshots } from '../nn/runStore.js';
import { atomicWrite } from '../nn/runStore.js';
import { VERSION } from '../version.js';
import { analyzeSeed, type WorldPrimitives } from './analyzeSeed.js';
import { trainedSeedOf } from './trainedSeed.js';
import { claimC0, claimC1, claimC2, claimC3, claimC4, claimC5 } from './claims/index.js';
import type { Evidence } from './evidence.js';
import { ResultsSchema, type Results } from './results.js';
import type { RunConfig } from './config.js';
import { deepUnitViews, type DeepUnitView } from './deepUnitViews.js';
import { finalStack } from '../analysis/trainedStack.js';
import { writeReport } from './writeReport.js';

/** Options of a run besides its configuration. */
export interface RunOptions {
  /** The run directory. */
  readonly out: string;
  /** Progress lines (stderr in the CLI); undefined = quiet. */
  readonly log?: (line: string) => void;
}

/** The world's primitives for a binary shapes dataset (exact orbits from the group engine). */
function worldOf(data: Dataset): WorldPrimitives | null {
  const truth = data.shapes;
  if (!truth || truth.variant !== 'binary') return null;
  const n = truth.n;
  const catalogue = new Map(shapesCatalogue(n).map((e) => [e.primitive, e]));
  return {
    group: 'p4m',
    primitives: primitiveTemplates(n).map((t) => {
      const orbit = templateOrbit(n, t.pixels);
      const entry = catalogue.get(t.name)!;
      if (BigInt(orbit.size) !== entry.p4m.orbitSize) throw new Error(`run: the orbit of ${t.name} has ${orbit.size} images but the group engine says ${entry.p4m.orbitSize}`);
      return { name: t.name, size: orbit.size, pixels: orbit.pixels, template: t.pixels, stabilizerOrder: Number(entry.p4m.stabilizerOrder) };
    }),
  };
}

/** Model options that suit the data's value range: BCE on [0, 1] data, MSE with a linear decoder otherwise. */
function modelOptions(data: Dataset, config: RunConfig) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of data.pixels) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const unit = lo >= 0 && hi <= 1;
  const common = { optimizer: config.optimizer, weightDecay: config.weightDecay };
  return config.model === 'ae'
    ? { ae: { ...common, sparsityWeight: config.sparsity, ...(unit ? { loss: 'bce' as const, decoder: 'sigmoid' as const } : { loss: 'mse' as const, decoder: 'linear' as const }) } }
    : { rbm: { weightDecay: config.weightDecay, visible: unit ? ('bernoulli' as const) : ('gaussian' as const) } };
}

/**
 * Run the experiments end to end: load the data, train a greedy stack per seed (snapshots and
 * checkpoints in the run directory; a killed run resumes), analyse every seed, judge claims
 * C0-C5 on the pooled evidence, and write config.json, results.json, features/, figures/ and
 * report.html. The same configuration gives the same results.json (timings aside).
 */
export async function runExperiment(config: RunConfig, options: RunOptions): Promise<{ results: Results; elapsedSeconds: number }> {
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  const log = options.log ?? (() => {});
  const out = options.out;
  mkdirSync(out, { recursive: true });
  const tick = (name: string, since: number) => (timings[name] = Math.round(performance.now() - since) / 1000);

  let t = performance.now();
  const data = await loadDataset(config.data, { warn: (m) => log(`warning: ${m}`) });
  tick('data', t);
  const { height: h, width: w, count } = data;
  const n = h * w;
  if (count < config.batch) throw new UserError(`the dataset has ${count} samples, fewer than one batch of ${config.batch}`);
  const seeds = Array.from({ length: config.seeds }, (_, i) => config.seed + i);
  const runConfig = {
    config,
    dataset: { spec: data.spec, hash: data.hash, count, height: h, width: w },
    version: VERSION,
    seeds,
    rerun: `orbitscope run --config ${join(out, 'config.json')} --out ${out}`,
  };
  refuseOtherRun(out, runConfig);
  atomicWrite(join(out, 'config.json'), `${JSON.stringify(runConfig, null, 2)}\n`);
  log(`data: ${data.spec}: ${count} images of ${h} x ${w}`);

  const world = worldOf(data);
  const evalCount = Math.min(config.evalCount, count);
  const evalInputs = data.pixels.slice(0, evalCount * n);
  // the trainer's defaults are for SGD (AE 0.1, RBM 0.05); Adam wants 0.01
  const lr = config.lr ?? (config.model === 'rbm' ? 0.05 : config.optimizer === 'adam' ? 0.01 : 0.1);
  const analyses = [];
  const deepViews: DeepUnitView[] = [];
  for (const seed of seeds) {
    t = performance.now();
    const trainDir = join(out, 'checkpoints', `seed-${seed}`);
    const snapDir = join(out, 'snapshots', `seed-${seed}`);
    const trained = await trainStack({
      data: data.pixels,
      dim: n,
      layers: [n, ...config.layers],
      model: config.model,
      epochs: config.epochs,
      batch: config.batch,
      lr,
      seed,
      ...modelOptions(data, config),
      // log-spaced steps (the first epoch in detail) and every epoch end, which includes the last step
      snapshots: { perDecade: config.snapshotsPerDecade, everyEpoch: true },
      runDir: trainDir,
      onProgress: (p) => {
        if (p.epochDone) log(`seed ${seed} layer ${p.layer + 1}/${p.layers} epoch ${p.epochDone.epoch}/${p.epochs} loss ${p.epochDone.loss.toFixed(4)}`);
      },
    });
    moveSnapshots(join(trainDir, 'snapshots'), snapDir);
    const snapshots = trained.snapshots.length ? trained.snapshots : readSnapshots(snapDir);
    tick(`train seed ${seed}`, t);
    t = performance.now();
    log(`seed ${seed}: analysing ${snapshots.length} snapshots`);
    const a = await analyzeSeed({ trained: trainedSeedOf(seed, trained, snapshots), height: h, width: w, evalInputs, evalCount, world, config, ...(data.whitening ? { unwhiten: data.whitening.inverse } : {}) });
    analyses.push({ seed, ...a });
    if (seed === seeds[0]) deepViews.push(...(await deepUnitViews(finalStack(trainedSeedOf(seed, trained, snapshots)), evalInputs, evalCount, n, data.whitening?.inverse)));
    tick(`analyse seed ${seed}`, t);
  }

  t = performance.now();
  const lieGroup = config.groups.find((g) => !['translations', 'd4', 'p4m'].includes(g));
  const finiteGroup = config.groups.find((g) => ['translations', 'd4', 'p4m'].includes(g));
  // Learned features are real-valued: their orbit is measured by an epsilon-orbit. On a torus
  // world (shapes) features sit anywhere, so the world's own finite group serves; elsewhere an
  // image-plane Lie group about the image centre.
  const orbitMeasure =
    finiteGroup && (world || !lieGroup)
      ? { group: finiteGroup, field: 'epsOrbitSize', label: `ε-orbit size under ${finiteGroup} (ε = ${config.finiteEps}, centred)` }
      : { group: lieGroup!, field: 'epsOrbitSize', label: `ε-orbit size under ${lieGroup!.toUpperCase()} (ε = ${config.eps})` };
  const evidence: Evidence = {
    seeds,
    layerCount: config.layers.length,
    snapshotEpochs: analyses[0].snapshotTimes.map((s) => s.epoch),
    orbitMeasure,
    checks: analyses.flatMap((a) => a.evidence.checks),
    randomSearch: analyses.flatMap((a) => a.evidence.randomSearch),
    races: analyses.flatMap((a) => a.evidence.races),
    primitives: analyses.flatMap((a) => a.evidence.primitives),
    features: analyses.flatMap((a) => a.evidence.features),
    layers: analyses.flatMap((a) => a.evidence.layers),
    residuals: analyses.flatMap((a) => a.evidence.residuals),
    codeSpace: analyses.flatMap((a) => a.evidence.codeSpace),
  };
  const claims = { C0: claimC0(evidence), C1: claimC1(evidence), C2: claimC2(evidence), C3: claimC3(evidence), C4: claimC4(evidence), C5: claimC5(evidence) };
  tick('claims', t);

  t = performance.now();
  for (const a of analyses) {
    a.images.forEach((perSnapshot, l) =>
      perSnapshot.forEach((F, k) => {
        const dir = join(out, 'features', `seed-${a.seed}`, `layer-${l + 1}`);
        mkdirSync(dir, { recursive: true });
        atomicWrite(join(dir, `snapshot-${k}.npy`), encodeNpy(F, [F.length / n, h, w]));
      }),
    );
  }
  atomicWrite(
    join(out, 'features', 'index.json'),
    `${JSON.stringify({ height: h, width: w, seeds, layers: config.layers.map((units, i) => ({ layer: i + 1, units })), snapshots: analyses[0].snapshotTimes.map((s, index) => ({ index, ...s })) }, null, 1)}\n`,
  );
  const { rerun: _rerun, ...portable } = runConfig;
  const base = { version: VERSION, config: portable as Record<string, unknown>, claims, layers: evidence.layers, features: evidence.features };
  const results: Results = ResultsSchema.parse({ ...base, timings: {} });
  await writeReport(out, results, analyses, { height: h, width: w, world, data, config, lr, evidence, deepViews });
  tick('report', t);
  timings.total = Math.round(performance.now() - t0) / 1000;
  const final = { ...results, timings };
  writeFileSync(join(out, 'results.json.tmp'), `${JSON.stringify(final, jsonReplacer, 1)}\n`);
  renameSync(join(out, 'results.json.tmp'), join(out, 'results.json'));
  return { results: final, elapsedSeconds: timings.total };
}

/**
 * Keep a seed's snapshots in the run directory's snapshots/seed-s (the trainer writes them
 * beside its checkpoint) with ONE rename of the directory, so a kill leaves them either all in
 * the trainer's folder or all in place, never split; the next start finds them either way.
 */
export function moveSnapshots(fresh: string, snapDir: string): void {
  const pending = existsSync(fresh) ? readdirSync(fresh).length : 0;
  if (pending > 0) {
    // the trainer's folder is the truth; a stale copy (a run retrained after deleting its model) goes
    if (existsSync(snapDir)) rmSync(snapDir, { recursive: true, force: true });
    mkdirSync(dirname(snapDir), { recursive: true });
    renameSync(fresh, snapDir);
  } else if (existsSync(fresh)) rmSync(fresh, { recursive: true, force: true });
}

/**
 * Refuse to reuse a run directory that holds another run (different options or data), before
 * anything in it is overwritten; the same run is resumed.
 */
function refuseOtherRun(out: string, runConfig: { config: RunConfig; dataset: { hash: string } }): void {
  const path = join(out, 'config.json');
  if (!existsSync(path)) return;
  let previous: { config?: unknown; dataset?: { hash?: string } };
  try {
    previous = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new UserError(`${path} is not readable JSON; choose another --out or delete the directory`);
  }
  const same = JSON.stringify(previous.config) === JSON.stringify(runConfig.config) && previous.dataset?.hash === runConfig.dataset.hash;
  if (!same) throw new UserError(`${out} holds a different run (its config.json differs from these options or data); choose another --out or delete it`);
}

/** JSON for results: bigints as decimal strings, non-finite numbers as null. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (value instanceof Float64Array || value instanceof Float32Array) return Array.from(value);
  return value;
}
