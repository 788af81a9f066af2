import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFixtureRun } from '../../src/testing/fixtureRun.js';

/** Where the explorer tests find their runs: a folder of runs, and the one the feature tests open. */
export interface ExplorerTestRuns {
  /** Folder handed to the server (each subfolder a run). */
  folder: string;
  /** Directory and server id of the run the layer, feature and claims tests open. */
  run: string;
  id: string;
}

/**
 * The runs the explorer tests open. Today two fixture runs (src/testing/fixtureRun.ts); to test
 * against the real runner, write `orbitscope run --quick` output into `folder` here instead.
 * The tests take every expected count from the run's own files, not from the fixture.
 */
export async function explorerTestRuns(): Promise<ExplorerTestRuns> {
  const folder = await mkdtemp(join(tmpdir(), 'orbitscope-web-'));
  const run = join(folder, 'fixture-a');
  await writeFixtureRun(run);
  await writeFixtureRun(join(folder, 'fixture-b'), { seeds: [3], units: [8, 4], snapshots: 3, size: 28 });
  return { folder, run, id: 'fixture-a' };
}
