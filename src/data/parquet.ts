import { parquetWriteBuffer } from 'hyparquet-writer';
import { InputTypeError } from '../core/errors.js';
import { atomicWrite } from '../core/atomicWrite.js';

/** A cell of a tabular record; null is a missing value. */
export type ParquetValue = string | number | boolean | null;

/** Parquet column types Orbitscope writes (logical names of hyparquet-writer). */
export type ParquetType = 'STRING' | 'DOUBLE' | 'INT64' | 'BOOLEAN';

/** One named, typed column; every column of a table has the same length. */
export interface ParquetColumn {
  readonly name: string;
  readonly type: ParquetType;
  readonly values: readonly ParquetValue[];
}

/**
 * The type a column of values takes: BOOLEAN, INT64 when every number is a safe integer,
 * DOUBLE for other numbers, STRING for text; null when every value is null. Mixed kinds
 * (numbers with text) are an error: a column has one type, and a silent cast would change data.
 */
export function columnType(name: string, values: readonly ParquetValue[]): ParquetType | null {
  let kind: 'string' | 'number' | 'boolean' | null = null;
  let integral = true;
  for (const v of values) {
    if (v === null) continue;
    const k = typeof v as 'string' | 'number' | 'boolean';
    if (kind !== null && k !== kind) throw new InputTypeError(`parquet: column "${name}" mixes ${kind} and ${k} values`);
    kind = k;
    if (k === 'number' && !Number.isSafeInteger(v)) integral = false;
  }
  if (kind === null) return null;
  return kind === 'string' ? 'STRING' : kind === 'boolean' ? 'BOOLEAN' : integral ? 'INT64' : 'DOUBLE';
}

/**
 * Columns from row records (one object per row): a column per key in order of first
 * appearance, null where a row lacks the key. `types` fixes a column's type (e.g. DOUBLE for a
 * statistic that happens to be integral in this table); other types follow `columnType`, and an
 * all-null column is STRING.
 */
export function columnsFromRecords(records: readonly Record<string, ParquetValue | undefined>[], types: Readonly<Record<string, ParquetType>> = {}): ParquetColumn[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    for (const k of Object.keys(r)) {
      if (seen.has(k)) continue;
      seen.add(k);
      names.push(k);
    }
  }
  return names.map((name) => {
    const values = records.map((r) => r[name] ?? null);
    const type = types[name] ?? columnType(name, values) ?? 'STRING';
    return { name, type, values: type === 'DOUBLE' ? values.map((v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)) : values };
  });
}

/**
 * Encode columns as one Parquet file (snappy pages, column statistics) that pandas, polars, R
 * (arrow) and DuckDB read. Written through hyparquet-writer: Parquet's thrift metadata and
 * page encodings are not something to write by hand.
 */
export function encodeParquet(columns: readonly ParquetColumn[]): Uint8Array {
  if (columns.length === 0) throw new InputTypeError('parquet: a table needs at least one column');
  const rows = columns[0].values.length;
  for (const c of columns) {
    if (c.values.length !== rows) throw new InputTypeError(`parquet: column "${c.name}" has ${c.values.length} values, expected ${rows}`);
    const t = columnType(c.name, c.values);
    const fits = t === null || t === c.type || (t === 'INT64' && c.type === 'DOUBLE');
    if (!fits) throw new InputTypeError(`parquet: column "${c.name}" is declared ${c.type} but holds ${t} values`);
  }
  const columnData = columns.map((c) => ({
    name: c.name,
    type: c.type,
    // INT64 columns are written from bigints (parquet's 64-bit integers)
    data: c.type === 'INT64' ? c.values.map((v) => (v === null ? null : BigInt(v as number))) : [...c.values],
  }));
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: 'orbitscope' }));
}

/** Write columns to a Parquet file atomically (a kill leaves the old file or the new one). */
export function writeParquet(path: string, columns: readonly ParquetColumn[]): void {
  atomicWrite(path, encodeParquet(columns));
}
