import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import { ClaimIds, ResultsSchema } from '../../results/index.js';

/** One run the server offers: its URL id, display name, real directory and claim verdicts. */
export interface RunEntry {
  /** URL-safe and unique among the served runs: files are under /runs/<id>/. */
  id: string;
  name: string;
  dir: string;
  verdicts: Record<string, string>;
  /** Why results.json could not be read, when it could not. */
  error?: string;
}

const RUN_MARKERS = ['results.json', 'features/index.json'];

async function isRun(dir: string): Promise<boolean> {
  for (const m of RUN_MARKERS) {
    try {
      if ((await stat(join(dir, m))).isFile()) return true;
    } catch {
      // not this marker
    }
  }
  // a run still in progress has only config.json; `orbitscope train` writes a config.json too
  // (with its configHash, no dataset): a trained model is not a run
  try {
    const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as Record<string, unknown> | null;
    return config !== null && typeof config === 'object' && 'dataset' in config && !('configHash' in config);
  } catch {
    return false;
  }
}

/**
 * Check the directories given on the command line and return their real paths: each must exist
 * and be a directory (UserError otherwise).
 */
export async function checkRunRoots(dirs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const d of dirs) {
    let s;
    try {
      s = await stat(d);
    } catch {
      throw new UserError(`${d}: no such directory (give a run directory or a folder of runs)`);
    }
    if (!s.isDirectory()) throw new UserError(`${d}: not a directory (give a run directory or a folder of runs)`);
    out.push(await realpath(resolve(d)));
  }
  return out;
}

/**
 * The runs under the given real roots: a root that is itself a run (it holds results.json,
 * features/index.json or a run's config.json, not a `train` directory's), else its immediate subdirectories that are runs. Scanned
 * afresh on each call so that runs written while the server is up appear.
 */
export async function findRuns(roots: readonly string[]): Promise<RunEntry[]> {
  const dirs: string[] = [];
  const labels = new Map<string, string>();
  for (const root of roots) {
    if (await isRun(root)) {
      dirs.push(root);
      continue;
    }
    const sweep = await sweepCells(root);
    if (sweep) {
      for (const c of sweep) {
        const d = join(root, 'cells', c.id);
        if (!(await isRun(d))) continue;
        dirs.push(d);
        labels.set(d, `${c.label} (${c.id})`);
      }
      continue;
    }
    const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (!e.isDirectory()) continue;
      const d = join(root, e.name);
      if (await isRun(d)) dirs.push(d);
    }
  }
  const used = new Set<string>();
  const runs: RunEntry[] = [];
  for (const dir of dirs) {
    const name = labels.get(dir) ?? basename(dir);
    const slug = basename(dir).replace(/[^A-Za-z0-9._-]/g, '-').replace(/^\.+/, '_') || 'run';
    let id = slug;
    for (let k = 2; used.has(id); k++) id = `${slug}-${k}`;
    used.add(id);
    runs.push({ id, name, dir, ...(await readVerdicts(dir)) });
  }
  return runs;
}

/**
 * The cells of a sweep directory (`orbitscope sweep --out DIR`), from its sweep.json, in the
 * sweep's order; null when `root` is not a sweep. Served as runs named by their options.
 */
async function sweepCells(root: string): Promise<{ id: string; label: string }[] | null> {
  try {
    const parsed = JSON.parse(await readFile(join(root, 'sweep.json'), 'utf8')) as { cells?: { id?: unknown; label?: unknown }[] };
    if (!Array.isArray(parsed.cells)) return null;
    return parsed.cells.filter((c) => typeof c.id === 'string' && /^[0-9a-f]{16}$/.test(c.id)).map((c) => ({ id: c.id as string, label: String(c.label ?? c.id) }));
  } catch {
    return null;
  }
}

async function readVerdicts(dir: string): Promise<{ verdicts: Record<string, string>; error?: string }> {
  let text: string;
  try {
    text = await readFile(join(dir, 'results.json'), 'utf8');
  } catch {
    return { verdicts: {}, error: 'no results.json yet' };
  }
  try {
    const parsed = ResultsSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return { verdicts: {}, error: `results.json does not match the schema: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}` };
    return { verdicts: Object.fromEntries(ClaimIds.map((c) => [c, parsed.data.claims[c].verdict])) };
  } catch (e) {
    return { verdicts: {}, error: `results.json is not JSON: ${(e as Error).message}` };
  }
}
