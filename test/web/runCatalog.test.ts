import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRuns } from '../../src/web/server/runCatalog.js';
import { orbitscope } from '../cli/bin.js';
import { encodeNpy } from '../../src/data/npy.js';

describe('findRuns', () => {
  it('findRuns(root) lists run directories (a run in progress too) but not the directories orbitscope train writes', { timeout: 120_000 }, async () => {
    const root = await mkdtemp(join(tmpdir(), 'orbitscope-catalog-'));
    const npy = join(root, 'x.npy');
    await writeFile(npy, encodeNpy(Float32Array.from({ length: 60 * 9 }, (_, i) => ((i * 7) % 5 < 2 ? 1 : 0)), [60, 3, 3]));
    // a real train directory (config.json with its configHash, model.json, snapshots/)
    const t = await orbitscope(['train', '--data', `npy:${npy}`, '--layers', '3', '--epochs', '1', '--batch', '10', '--quiet', '--out', join(root, 'trained-model')]);
    expect(t.code).toBe(0);
    // a run that has written only its config.json so far
    await mkdir(join(root, 'run-in-progress'));
    await writeFile(join(root, 'run-in-progress', 'config.json'), JSON.stringify({ config: { preset: 'shapes' }, dataset: { hash: 'h' }, version: '0', seeds: [0], rerun: 'orbitscope run' }));
    const names = (await findRuns([root])).map((r) => r.name);
    expect(names).toEqual(['run-in-progress']);
  });
});
