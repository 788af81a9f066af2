import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFixtureRun } from '../../src/testing/fixtureRun.js';

/**
 * The run directory the explorer tests open. Today a fixture run; to test against the real
 * runner, return the directory of an `orbitscope run --quick` here instead.
 */
export async function explorerTestRun(): Promise<{ folder: string; run: string; id: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'orbitscope-web-'));
  const run = join(folder, 'fixture-a');
  await writeFixtureRun(run);
  await writeFixtureRun(join(folder, 'fixture-b'), { seeds: [3], units: [8, 4], snapshots: 3 });
  return { folder, run, id: 'fixture-a' };
}
