import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFixtureRun } from '../../src/testing/fixtureRun.js';
import { findRuns } from '../../src/web/server/runCatalog.js';

describe('the explorer on a sweep', () => {
  it('findRuns([sweep directory]) lists its cells in the sweep order, named by their options, with their verdicts', async () => {
    const root = mkdtempSync(join(tmpdir(), 'orbitscope-sweep-explorer-'));
    const ids = ['b000000000000001', 'a000000000000002', 'c000000000000003'];
    await writeFixtureRun(join(root, 'cells', ids[0]), { seeds: [1], units: [2], size: 8, snapshots: 1 });
    await writeFixtureRun(join(root, 'cells', ids[1]), { seeds: [2], units: [2], size: 8, snapshots: 1 });
    // the third cell has not run yet: no directory, so it is not listed
    writeFileSync(join(root, 'sweep.json'), JSON.stringify({ cells: ids.map((id, i) => ({ id, label: `model=${['ae', 'rbm', 'ae'][i]} lr=0.0${i + 1}` })) }));
    const runs = await findRuns([root]);
    expect(runs.map((r) => r.name)).toEqual([`model=ae lr=0.01 (${ids[0]})`, `model=rbm lr=0.02 (${ids[1]})`]);
    expect(runs.map((r) => r.id)).toEqual([ids[0], ids[1]]);
    expect(runs.map((r) => r.dir)).toEqual([join(root, 'cells', ids[0]), join(root, 'cells', ids[1])]);
    expect(Object.keys(runs[0].verdicts).length).toBeGreaterThan(0);
  });
});
