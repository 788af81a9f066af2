import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crashPoint } from '../core/crashPoint.js';
import { UserError } from '../core/errors.js';
import { encodeNpy } from '../data/npy.js';
import { atomicWrite } from '../core/atomicWrite.js';
import { writeParquet } from '../data/parquet.js';
import type { FeatureResult, Results, UnitTableRef } from '../results/index.js';
import { unitTableColumns, unitTableLayout, unitTablePath } from './unitTable.js';

// The run directory's files, in one place: config.json (refuse another run's directory),
// snapshots/ and checkpoints/ per seed, features/ (npy per seed, layer, snapshot), units/ (Parquet
// per seed and layer), results.json.

/** Paths of a seed's training files inside the run directory. */
export function seedDirectories(out: string, seed: number): { checkpoints: string; snapshots: string } {
  return { checkpoints: join(out, 'checkpoints', `seed-${seed}`), snapshots: join(out, 'snapshots', `seed-${seed}`) };
}

/**
 * Write config.json, after refusing a run directory that holds another run (different options or
 * data) before anything in it is overwritten; the same run is resumed.
 */
export function claimRunDirectory(out: string, runConfig: { config: unknown; dataset: { hash: string } }): void {
  mkdirSync(out, { recursive: true });
  const path = join(out, 'config.json');
  if (existsSync(path)) {
    let previous: { config?: unknown; dataset?: { hash?: string } };
    try {
      previous = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      throw new UserError(`${path} is not readable JSON; choose another --out or delete the directory`);
    }
    const same = JSON.stringify(previous.config) === JSON.stringify(runConfig.config) && previous.dataset?.hash === runConfig.dataset.hash;
    if (!same) throw new UserError(`${out} holds a different run (its config.json differs from these options or data); choose another --out or delete it`);
  }
  atomicWrite(path, `${JSON.stringify(runConfig, null, 2)}\n`);
}

/**
 * Keep a seed's snapshots in the run directory's snapshots/seed-s (the trainer writes them
 * beside its checkpoint) with ONE rename of the directory, so a kill leaves them either all in
 * the trainer's folder or all in place, never split; the next start finds them either way.
 */
export function keepSnapshots(dirs: { checkpoints: string; snapshots: string }): void {
  const fresh = join(dirs.checkpoints, 'snapshots');
  const pending = existsSync(fresh) ? readdirSync(fresh).length : 0;
  if (pending > 0) {
    // the trainer's folder is the truth; a stale copy (a run retrained after deleting its model) goes
    if (existsSync(dirs.snapshots)) rmSync(dirs.snapshots, { recursive: true, force: true });
    mkdirSync(dirname(dirs.snapshots), { recursive: true });
    crashPoint('snapshots-before-move');
    renameSync(fresh, dirs.snapshots);
    crashPoint('snapshots-after-move');
  } else if (existsSync(fresh)) rmSync(fresh, { recursive: true, force: true });
}

/** Write features/seed-S/layer-L/snapshot-K.npy (units x h x w) for every seed, and features/index.json. */
export function writeFeatureImages(
  out: string,
  seeds: readonly { seed: number; images: readonly (readonly Float32Array[])[]; snapshotTimes: readonly { step: number; epoch: number }[] }[],
  h: number,
  w: number,
  layers: readonly number[],
): void {
  const n = h * w;
  for (const a of seeds) {
    a.images.forEach((perSnapshot, l) =>
      perSnapshot.forEach((F, k) => {
        const dir = join(out, 'features', `seed-${a.seed}`, `layer-${l + 1}`);
        mkdirSync(dir, { recursive: true });
        atomicWrite(join(dir, `snapshot-${k}.npy`), encodeNpy(F, [F.length / n, h, w]));
      }),
    );
  }
  const index = { height: h, width: w, seeds: seeds.map((s) => s.seed), layers: layers.map((units, i) => ({ layer: i + 1, units })), snapshots: seeds[0].snapshotTimes.map((s, index) => ({ index, ...s })) };
  atomicWrite(join(out, 'features', 'index.json'), `${JSON.stringify(index, null, 1)}\n`);
}

/**
 * Write every seed and layer's per-unit, per-snapshot records as units/seed-S-layer-L.parquet
 * (one layout for the whole run, so the files concatenate; rows by snapshot, then unit) and
 * return where they are, for results.json.
 */
export function writeUnitTables(out: string, records: readonly FeatureResult[]): UnitTableRef[] {
  const layout = unitTableLayout(records);
  const groups = new Map<string, FeatureResult[]>();
  for (const r of records) {
    const key = `${r.seed}/${r.layer}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(r);
  }
  mkdirSync(join(out, 'units'), { recursive: true });
  const refs: UnitTableRef[] = [];
  for (const rows of groups.values()) {
    const { seed, layer } = rows[0];
    const path = unitTablePath(seed, layer);
    const { columns, metadata } = unitTableColumns(rows, layout);
    writeParquet(join(out, path), columns, metadata);
    refs.push({ seed, layer, path, rows: rows.length });
  }
  return refs.sort((a, b) => a.seed - b.seed || a.layer - b.layer);
}

/** Write results.json atomically: bigints as decimal strings, non-finite numbers as null. */
export function writeResults(out: string, results: Results): void {
  atomicWrite(join(out, 'results.json'), `${JSON.stringify(results, jsonReplacer, 1)}\n`);
}

/** JSON for results: bigints as decimal strings, non-finite numbers as null. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (value instanceof Float64Array || value instanceof Float32Array) return Array.from(value);
  return value;
}
