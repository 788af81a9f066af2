import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RandomSource } from '../../src/core/random.js';
import { parseNpy } from '../../src/data/npy.js';
import { ResultsSchema } from '../../src/experiments/results.js';
import { readUnitTable } from '../../src/experiments/unitTable.js';
import { fixtureImage, p4mOrbit, writeFixtureRun } from '../../src/testing/fixtureRun.js';
import { d4EpsStabilizer } from '../../src/web/shared/finiteStabilizers.js';

describe('the explorer fixture run', () => {
  it('writeFixtureRun(dir) writes results.json that validates, one (units, h, w) npy per seed, layer and snapshot, and a unit table per seed and layer', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'orbitscope-fixture-'));
    try {
      await writeFixtureRun(dir, { seeds: [5], units: [4, 3], size: 12, snapshots: 2 });
      const results = ResultsSchema.parse(JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')));
      const index = JSON.parse(await readFile(join(dir, 'features', 'index.json'), 'utf8'));
      expect(index).toEqual({ height: 12, width: 12, seeds: [5], layers: [{ layer: 1, units: 4 }, { layer: 2, units: 3 }], snapshots: [{ index: 0, step: 0, epoch: 0 }, { index: 1, step: 50, epoch: 1 }] });
      for (const { layer, units } of index.layers) {
        for (let k = 0; k < 2; k++) {
          const a = parseNpy(new Uint8Array(await readFile(join(dir, 'features', 'seed-5', `layer-${layer}`, `snapshot-${k}.npy`))), 'npy');
          expect(a.shape).toEqual([units, 12, 12]);
        }
      }
      expect(results.unitTables.map((t) => [t.path, t.rows])).toEqual([['units/seed-5-layer-1.parquet', 4 * 2], ['units/seed-5-layer-2.parquet', 3 * 2]]);
      const features = [];
      for (const t of results.unitTables) features.push(...(await readUnitTable(new Uint8Array(await readFile(join(dir, t.path))).buffer)));
      expect(features).toHaveLength((4 + 3) * 2);
      for (const f of features) expect(Number(f.orbits.p4m.orbitSize) * Number(f.orbits.p4m.stabilizerOrder)).toBe(8 * 144);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('p4mOrbit(x, n) gives the centred blob stabilizer D4 (orbit n^2) and a bar the 4 symmetries of a rectangle (orbit 2 n^2)', () => {
    const rng = RandomSource.fromSeed(1);
    expect(p4mOrbit(fixtureImage('blob', 16, rng), 16)).toEqual({ order: 2048, orbitSize: 256, stabilizerOrder: 8 });
    expect(p4mOrbit(fixtureImage('bar-0', 16, rng), 16)).toEqual({ order: 2048, orbitSize: 512, stabilizerOrder: 4 });
    // the translation-free part agrees with the page's D4 check on the same picture
    expect(d4EpsStabilizer(fixtureImage('bar-0', 16, rng), 16, 1e-9)).toHaveLength(4);
  });
});
