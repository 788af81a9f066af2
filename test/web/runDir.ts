import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { UserError } from '../../src/core/errors.js';

/** Where the explorer tests find their runs: a folder of runs, and the one the feature tests open. */
export interface ExplorerTestRuns {
  /** Folder handed to the server (each subfolder a run). */
  folder: string;
  /** Directory and server id of the run the layer, feature and claims tests open. */
  run: string;
  id: string;
}

async function quickRun(out: string, seed: number): Promise<void> {
  let err = '';
  const code = await main(['node', 'orbitscope', 'run', '--quick', '--quiet', '--seed', String(seed), '--out', out], { out: () => {}, err: (t) => void (err += t) });
  if (code !== 0) throw new UserError(`explorer test run failed (${code}): ${err}`);
}

/**
 * The runs the explorer tests open: two real runs of `orbitscope run --quick` (seeds 0 and 5).
 * The tests take every expected count from the run's own files.
 */
export async function explorerTestRuns(): Promise<ExplorerTestRuns> {
  const folder = await mkdtemp(join(tmpdir(), 'orbitscope-web-'));
  const run = join(folder, 'quick-a');
  await quickRun(run, 0);
  await quickRun(join(folder, 'quick-b'), 5);
  return { folder, run, id: 'quick-a' };
}
