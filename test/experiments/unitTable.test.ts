import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { encodeParquet } from '../../src/data/parquet.js';
import { writeUnitTables } from '../../src/experiments/runDirectory.js';
import { readUnitTable, unitTableColumns, unitTableLayout } from '../../src/experiments/unitTable.js';
import type { FeatureResult } from '../../src/results/index.js';

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** A record as the runner makes it (src/experiments/seedFeatures.ts, src/analysis/featureOrbits.ts). */
function record(seed: number, layer: number, unit: number, k: number, last: boolean): FeatureResult {
  const finite = { groupOrder: '1152', orbitSize: String(1152 / (1 + (unit % 4))), stabilizerOrder: String(1 + (unit % 4)), levels: 3, ...(unit % 4 < 2 ? { stabilizerElements: unit % 4 ? ['()', '(1,2)(3,4)'] : ['()'] } : {}), eps: 0.5, epsStabilizerSize: 1 + unit, epsOrbitSize: 1152 / (1 + unit) };
  // a kernel too small for SO(2): the measure does not apply, null with the reason (never a dimension 0)
  const lie: FeatureResult['orbits'][string] =
    unit === 2
      ? { dim: 1, orbitDim: null, stabilizerDim: null, singularValues: null, reason: 'kernel 2x2 too small for so2' }
      : { dim: 1, orbitDim: 1, stabilizerDim: 0, singularValues: [1.12898 + unit / 1000], ...(last ? { epsStabilizerMeasure: 0.0234375 * (unit + 1), epsOrbitSize: 39 + unit, samples: 128 } : {}) };
  return {
    seed,
    layer,
    unit,
    snapshot: { index: k, step: k * 109, epoch: k / 2 },
    orbits: { p4m: finite, so2: lie },
    complexity: { compressedBytes: 60 + unit + k, totalVariation: 188.85048426070597 / (k + 1), spectralEntropy: 6.489376393465683 - unit / 7, components: 1 + (unit % 3) },
    emergenceEpoch: unit === 1 ? null : 2.5 + unit,
    matchedPrimitive: layer === 1 ? { name: `primitive-${unit}`, cosine: 0.272133 + unit / 100 } : null,
  };
}

function records(seeds: number[], layers: number[], units: number, snapshots: number): FeatureResult[] {
  return seeds.flatMap((s) => layers.flatMap((l) => Array.from({ length: snapshots }, (_, k) => Array.from({ length: units }, (_, u) => record(s, l, u, k, k === snapshots - 1))).flat()));
}

/** The record as Parquet gives it back: an orbit field that is null is a field the record does not have (docs/unit-tables.md). */
function withoutNullOrbitFields(r: FeatureResult): FeatureResult {
  return { ...r, orbits: Object.fromEntries(Object.entries(r.orbits).map(([g, o]) => [g, Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null))])) };
}

describe('unit tables', () => {
  it('readUnitTable(encodeParquet(unitTableColumns(records))) gives back every record, read with hyparquet', async () => {
    const recs = records([3], [1], 5, 3);
    const { columns, metadata } = unitTableColumns(recs, unitTableLayout(recs));
    const back = await readUnitTable(arrayBufferOf(encodeParquet(columns, metadata)));
    expect(back).toEqual(recs.map(withoutNullOrbitFields));
    // the same as JSON text too (key order and all), for the records with no null orbit field
    const i = recs.findIndex((r) => r.unit === 0 && r.snapshot.index === 2);
    expect(JSON.stringify(back[i])).toBe(JSON.stringify(recs[i]));
    expect(back.find((r) => r.unit === 2)!.orbits.so2).toEqual({ dim: 1, reason: 'kernel 2x2 too small for so2' });
  });

  it('unitTableColumns(records) writes orbit sizes as INT64, singular values and stabilizer elements as lists, and keeps an orbit size beyond 2^53 exact', async () => {
    const recs = records([0], [1], 3, 2);
    recs[0].orbits.p4m.orbitSize = '9007199254740993'; // 2^53 + 1: a double would make it ...992
    const { columns, metadata } = unitTableColumns(recs, unitTableLayout(recs));
    const file = arrayBufferOf(encodeParquet(columns, metadata));
    const schema = parquetSchema(parquetMetadata(file));
    const leaf = (name: string) => schema.children.find((c) => c.element.name === name)!;
    expect(leaf('orbits_p4m_orbitSize').element.type).toBe('INT64');
    expect(leaf('seed').element.type).toBe('INT64');
    expect(leaf('snapshot_epoch').element.type).toBe('DOUBLE');
    expect(leaf('orbits_so2_singularValues').element.converted_type).toBe('LIST');
    expect(leaf('orbits_so2_singularValues').children[0].children[0].element.type).toBe('DOUBLE');
    expect(leaf('orbits_p4m_stabilizerElements').children[0].children[0].element.converted_type).toBe('UTF8');
    const rows = await parquetReadObjects({ file });
    expect(rows[0].orbits_p4m_orbitSize).toBe(9007199254740993n);
    expect(rows[0].orbits_so2_singularValues).toEqual([1.12898]);
    expect((await readUnitTable(file))[0].orbits.p4m.orbitSize).toBe('9007199254740993');
  });

  it('writeUnitTables(out, records) writes one file per seed and layer, all with one schema, that together hold every record', async () => {
    const out = mkdtempSync(join(tmpdir(), 'orbitscope-units-'));
    const recs = records([0, 1], [1, 2], 4, 3);
    const refs = writeUnitTables(out, recs);
    expect(refs).toEqual([
      { seed: 0, layer: 1, path: 'units/seed-0-layer-1.parquet', rows: 12 },
      { seed: 0, layer: 2, path: 'units/seed-0-layer-2.parquet', rows: 12 },
      { seed: 1, layer: 1, path: 'units/seed-1-layer-1.parquet', rows: 12 },
      { seed: 1, layer: 2, path: 'units/seed-1-layer-2.parquet', rows: 12 },
    ]);
    expect(readdirSync(join(out, 'units')).sort()).toEqual(refs.map((r) => r.path.slice('units/'.length)));
    const files = refs.map((r) => arrayBufferOf(readFileSync(join(out, r.path))));
    // layer 2 has no matched primitive at all, yet its columns have layer 1's types: the files concatenate
    const schemas = files.map((f) => JSON.stringify(parquetMetadata(f).schema));
    expect(new Set(schemas).size).toBe(1);
    const back = (await Promise.all(files.map(readUnitTable))).flat();
    expect(back).toEqual(recs.map(withoutNullOrbitFields));
  });

  it('readUnitTable(file) refuses a Parquet file that is not a unit table', async () => {
    const file = arrayBufferOf(encodeParquet([{ name: 'x', type: 'DOUBLE', values: [1] }]));
    await expect(readUnitTable(file)).rejects.toThrow(/not an Orbitscope unit table/);
  });

  it('unitTableLayout(records) refuses an orbit field whose values are of different kinds', () => {
    const recs = records([0], [1], 2, 1);
    (recs[1].orbits.so2 as Record<string, unknown>).samples = 'many';
    expect(() => unitTableLayout(recs)).toThrow(/orbits\.so2\.samples mixes kinds/);
  });
});
