import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { UserError } from '../core/errors.js';
import { parseOptions } from '../core/validate.js';
import { packageRoot } from '../core/packageRoot.js';
import { TRAINING_DEFAULTS } from '../nn/defaults.js';
import { ANALYSIS_DEFAULTS } from '../analysis/defaults.js';

import { PRESETS, type Preset } from './presets.js';
import { FEATURE_GROUP_NAMES } from '../groups/groupNames.js';

export { PRESETS, type Preset };

// Group names: the registry's groups measured on learned features (src/groups/groupNames.ts).

import { COMPLEXITY_MEASURES } from './complexityMeasures.js';

export { COMPLEXITY_MEASURES };

/** Every option of an experiment run, validated; unknown keys are rejected by name. */
export const RunConfigSchema = z.strictObject({
  preset: z.enum(PRESETS).default('shapes'),
  /** Dataset spec (see `orbitscope data --help`). */
  data: z.string().min(1),
  model: z.enum(['ae', 'rbm']).default('ae'),
  /** Hidden layer sizes of the greedy stack, bottom first. */
  layers: z.array(z.number().int().positive()).min(1),
  epochs: z.number().int().positive(),
  batch: z.number().int().positive().default(TRAINING_DEFAULTS.batch),
  /** Learning rate; null = the model's default (0.01 with Adam). */
  lr: z.number().positive().nullable().default(null),
  groups: z.array(z.enum(FEATURE_GROUP_NAMES)).min(1),
  /** Number of seeds, run one after another: seed, seed+1, ... */
  seeds: z.number().int().positive(),
  seed: z.number().int().nonnegative().default(0),
  quick: z.boolean().default(false),
  /** Snapshots per factor of ten in training steps (log-spaced, so the first epoch is seen in detail). */
  snapshotsPerDecade: z.number().int().min(1).default(5),
  /** Cosine at which a unit's filter counts as settled (C2's secondary, unit-level statistic). */
  emergenceCosine: z.number().min(0).max(1).default(ANALYSIS_DEFAULTS.emergenceCosine),
  /**
   * C2's false-emergence rate: a primitive emerges when a unit's match stays above the threshold
   * that phase-randomised surrogates of the untrained layer exceed with this probability.
   */
  emergenceAlpha: z.number().gt(0).lt(1).default(0.05),
  /** Null draws per seed for C2's calibrated thresholds (pooled over seeds). */
  emergenceNullDraws: z.number().int().min(1).default(20),
  /** epsilon of the Lie groups' epsilon-stabilizers and epsilon-orbits, relative to ||x||. */
  eps: z.number().positive().default(ANALYSIS_DEFAULTS.eps),
  /** epsilon of the finite groups' epsilon-stabilizers (mean-centred features), relative to ||x||. */
  finiteEps: z.number().positive().default(ANALYSIS_DEFAULTS.finiteEps),
  /** The primary complexity measure of C3 and C4, declared before the run; the others are reported as sensitivity. */
  complexityMeasure: z.enum(COMPLEXITY_MEASURES).default('compressedBytes'),
  /** Optimiser of every layer. */
  optimizer: z.enum(['sgd', 'adam']).default(TRAINING_DEFAULTS.optimizer),
  /** Autoencoders: weight of the KL sparsity penalty (target mean activation 0.05); 0 = none. */
  sparsity: z.number().min(0).default(TRAINING_DEFAULTS.sparsity),
  /** L2 weight decay. */
  weightDecay: z.number().min(0).default(TRAINING_DEFAULTS.weightDecay),
  /** Relative tolerance of the tangent rank (orbit dimension). */
  tol: z.number().positive().default(ANALYSIS_DEFAULTS.tol),
  /** Quantisation levels before exact finite stabilizers of real-valued features. */
  levels: z.number().int().min(2).default(ANALYSIS_DEFAULTS.levels),
  /** Uniform draws per feature in the random-search experiment (C1). */
  draws: z.number().int().positive().default(20_000),
  /** Held-out inputs for residuals and shadow fits: the dataset's last rows (at most half), never trained on. */
  evalCount: z.number().int().positive().default(1000),
  /**
   * Smallest trained-minus-control difference that counts, per claim, declared before the run:
   * "supported" needs the interval of the difference above it. Correlation claims (C2-C4): a
   * difference of Spearman rho; C5: a difference of median relative residual improvement.
   */
  minimumEffects: z
    .strictObject({ C2: z.number().min(0).default(0.1), C3: z.number().min(0).default(0.1), C4: z.number().min(0).default(0.1), C5: z.number().min(0).default(0.05) })
    .default({ C2: 0.1, C3: 0.1, C4: 0.1, C5: 0.05 }),
});

export type RunConfig = z.output<typeof RunConfigSchema>;

type Partial = { [K in keyof RunConfig]?: unknown };

const PRESET_DEFAULTS: Record<Preset, Partial> = {
  // 10 seeds (judgeAcrossSeeds needs at least 6) within npm start's 120 s budget: measured on a quiet
  // 2-core machine, a seed took 16 s with 15 epochs, 5 snapshots a decade, 20,000 draws and se2
  // analysed, and 10 s with these settings (se2 and the other groups stay one --groups away).
  shapes: { data: 'shapes:n=12,count=8000,variant=decorrelated', layers: [64, 32], epochs: 12, groups: ['p4m', 'so2'], seeds: 10, snapshotsPerDecade: 3, draws: 5000 },
  // the paper's own example (issue 14, item 5b): segments and flowers under random affine maps,
  // analysed under GL(2) and Aff(2); C2 ranks the primitives by their Aff(2) orbit dimension
  gl2: { data: 'shapes:variant=gl2,n=16,count=6000', layers: [48, 24], epochs: 12, groups: ['gl2', 'aff2'], seeds: 10, snapshotsPerDecade: 3 },
  mnist: { data: 'mnist', layers: [256, 64], epochs: 10, groups: ['p4m', 'so2', 'se2'], seeds: 2, levels: 3 },
  natural: { data: 'natural:{shipped},patch=12,count=20000,whiten=true', layers: [64, 32], epochs: 15, groups: ['so2', 'se2', 'p4m'], seeds: 2 },
};

/** What --quick changes: tiny data, two seeds, few epochs; for tests (seconds). */
const QUICK: Partial = { epochs: 3, seeds: 2, snapshotsPerDecade: 3, draws: 4000, evalCount: 200 };
const QUICK_DATA: Record<Preset, string> = { shapes: 'shapes:n=8,count=500,variant=decorrelated', gl2: 'shapes:variant=gl2,n=12,count=600', mnist: 'mnist', natural: 'natural:{shipped},patch=8,count=1000,whiten=true' };
const QUICK_LAYERS: Record<Preset, number[]> = { shapes: [12, 6], gl2: [12, 6], mnist: [16, 8], natural: [12, 6] };

/** Read a JSON or YAML config file into a plain object; errors name the file. */
export function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const ext = extname(path).toLowerCase();
  let parsed: unknown;
  try {
    parsed = ext === '.yaml' || ext === '.yml' ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw new UserError(`${path}: not valid ${ext === '.json' ? 'JSON' : 'YAML'} (${(e as Error).message})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UserError(`${path}: expected an object of options`);
  // a run directory's own config.json (what `run` writes, with its rerun recipe) holds the
  // options under "config", beside the dataset's hash and the version: rerun from those
  const run = parsed as Record<string, unknown>;
  if ('config' in run && 'dataset' in run && run.config !== null && typeof run.config === 'object' && !Array.isArray(run.config)) return run.config as Record<string, unknown>;
  return run;
}

/**
 * The run's configuration: preset defaults, then --quick, then the config file, then flags
 * (later wins), validated as a whole. `where` names the source in error messages.
 */
export function resolveRunConfig(flags: Record<string, unknown>, file: Record<string, unknown> = {}, fileName = 'config file'): RunConfig {
  // the file's own keys are checked first, so that an error names the file
  parseOptions(fileName, RunConfigSchema.partial(), file);
  const preset = (flags.preset ?? file.preset ?? 'shapes') as Preset;
  if (!PRESETS.includes(preset)) throw new UserError(`preset must be one of ${PRESETS.join(', ')}, got "${String(preset)}"`);
  const quick = Boolean(flags.quick ?? file.quick ?? false);
  const merged: Record<string, unknown> = { ...PRESET_DEFAULTS[preset], preset };
  if (quick) Object.assign(merged, QUICK, { data: QUICK_DATA[preset], layers: QUICK_LAYERS[preset] });
  // the natural preset reads the photographs shipped in the package (data/natural), wherever it is installed
  if (typeof merged.data === 'string') merged.data = merged.data.replace('{shipped}', join(packageRoot(), 'data', 'natural'));
  Object.assign(merged, file);
  for (const [k, v] of Object.entries(flags)) if (v !== undefined) merged[k] = v;
  return parseOptions('options', RunConfigSchema, merged);
}
