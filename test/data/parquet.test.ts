import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { columnType, columnsFromRecords, encodeParquet, writeParquet } from '../../src/data/parquet.js';

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe('parquet', () => {
  it('writeParquet(path, columns) round-trips every value, null and type through hyparquet', async () => {
    const records = [
      { cell: 'a1', claim: 'C2', statistic: 0.25, n: 12, supported: true, note: null },
      { cell: 'b2', claim: 'C3', statistic: -1.5e-7, n: 0, supported: false, note: 'premise failed' },
      { cell: 'c3', claim: 'C5', statistic: null, n: 9007199254740991, supported: null },
    ];
    const path = join(mkdtempSync(join(tmpdir(), 'orbitscope-parquet-')), 't.parquet');
    writeParquet(path, columnsFromRecords(records, { statistic: 'DOUBLE' }));
    const file = arrayBufferOf(readFileSync(path));
    const rows = await parquetReadObjects({ file });
    expect(rows.map((r) => ({ ...r, n: r.n === null ? null : Number(r.n) }))).toEqual(records.map((r) => ({ note: null, ...r })));
    const types = Object.fromEntries(parquetSchema(parquetMetadata(file)).children.map((c) => [c.element.name, c.element.type]));
    expect(types).toEqual({ cell: 'BYTE_ARRAY', claim: 'BYTE_ARRAY', statistic: 'DOUBLE', n: 'INT64', supported: 'BOOLEAN', note: 'BYTE_ARRAY' });
  });

  it('columnsFromRecords(records) writes non-finite numbers of a DOUBLE column as null', async () => {
    const bytes = encodeParquet(columnsFromRecords([{ x: Number.NaN }, { x: Infinity }, { x: 2.5 }]));
    expect((await parquetReadObjects({ file: arrayBufferOf(bytes) })).map((r) => r.x)).toEqual([null, null, 2.5]);
  });

  it('columnType(name, values) refuses a column that mixes numbers and text', () => {
    expect(() => columnType('x', [1, 'two'])).toThrow(/column "x" mixes number and string/);
    expect(columnType('x', [null, null])).toBeNull();
    expect(columnType('x', [1, 2.5])).toBe('DOUBLE');
  });

  it('encodeParquet(columns) refuses columns of different lengths and values of another type', () => {
    expect(() => encodeParquet([{ name: 'a', type: 'DOUBLE', values: [1, 2] }, { name: 'b', type: 'DOUBLE', values: [1] }])).toThrow(/column "b" has 1 values, expected 2/);
    expect(() => encodeParquet([{ name: 'a', type: 'BOOLEAN', values: [1] }])).toThrow(/declared BOOLEAN but holds INT64/);
  });
});
