import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '../core/errors.js';

/** One trained model to analyse: its directory, where its snapshots are, and its seed in a run. */
export interface ModelSource {
  /** The seed within a run directory; null for a plain model directory or an ONNX file. */
  readonly seed: number | null;
  /** Directory with model.json + model.bin, or an .onnx file. */
  readonly model: string;
  /** Directory of its snapshots. */
  readonly snapshotsDir: string;
}

const WHERE = 'modelSources';

/** True when `dir` is a run directory written by `orbitscope run` (checkpoints/seed-s per seed). */
export function isRunDirectory(dir: string): boolean {
  return existsSync(join(dir, 'checkpoints')) && existsSync(join(dir, 'config.json')) && !existsSync(join(dir, 'model.json'));
}

/**
 * The models behind `--model PATH`: a model directory or .onnx file is itself; a run directory
 * (`orbitscope run --out DIR`) gives each seed's model (checkpoints/seed-s, snapshots in
 * snapshots/seed-s), or only `seed` when given. Errors (InvalidInputError) name the input and say what exists.
 */
export function modelSources(path: string, seed?: number): ModelSource[] {
  if (!existsSync(path)) throw new InvalidInputError(WHERE, 'model', `${path} does not exist`);
  if (statSync(path).isFile() || !isRunDirectory(path)) {
    if (seed !== undefined) throw new InvalidInputError(WHERE, 'seed', `${path} is a single model, not a run directory; a seed picks one seed of a run directory`);
    return [{ seed: null, model: path, snapshotsDir: join(path, 'snapshots') }];
  }
  const seeds = readdirSync(join(path, 'checkpoints'))
    .map((f) => /^seed-(\d+)$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .map(Number)
    .filter((s) => existsSync(join(path, 'checkpoints', `seed-${s}`, 'model.json')))
    .sort((a, b) => a - b);
  if (!seeds.length) throw new InvalidInputError(WHERE, 'model', `the run directory ${path} holds no finished seed yet (no checkpoints/seed-*/model.json); finish the run first`);
  if (seed !== undefined && !seeds.includes(seed)) throw new InvalidInputError(WHERE, 'seed', `${seed} is not a finished seed of ${path} (it has ${seeds.join(', ')})`);
  return (seed === undefined ? seeds : [seed]).map((s) => {
    const moved = join(path, 'snapshots', `seed-${s}`);
    return { seed: s, model: join(path, 'checkpoints', `seed-${s}`), snapshotsDir: existsSync(moved) ? moved : join(path, 'checkpoints', `seed-${s}`, 'snapshots') };
  });
}
