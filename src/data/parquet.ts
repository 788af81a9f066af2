import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';
import { InputTypeError } from '../core/errors.js';
import { atomicWrite } from '../core/atomicWrite.js';

/** A Parquet schema element as hyparquet-writer takes it (its own copy of hyparquet's type). */
type SchemaElement = NonNullable<Parameters<typeof parquetWriteBuffer>[0]['schema']>[number];

/** A cell of a tabular record; null is a missing value. */
export type ParquetValue = string | number | boolean | null;

/** A cell of a column that may hold lists (of numbers or of strings, without nulls) or an INT64 as a bigint. */
export type ParquetCell = ParquetValue | bigint | readonly number[] | readonly string[];

/**
 * Parquet column types Orbitscope writes: the scalar logical names of hyparquet-writer, and
 * DOUBLE_LIST / STRING_LIST for Parquet's standard three-level LIST of DOUBLE or UTF8 elements
 * (what pandas reads as arrays, DuckDB as DOUBLE[] / VARCHAR[]).
 */
export type ParquetType = 'STRING' | 'DOUBLE' | 'INT64' | 'BOOLEAN' | 'DOUBLE_LIST' | 'STRING_LIST';

/** One named, typed column; every column of a table has the same length. */
export interface ParquetColumn {
  readonly name: string;
  readonly type: ParquetType;
  readonly values: readonly ParquetCell[];
}

/**
 * The type a column of values takes: BOOLEAN, INT64 when every number is a safe integer,
 * DOUBLE for other numbers, STRING for text; null when every value is null. Mixed kinds
 * (numbers with text) are an error: a column has one type, and a silent cast would change data.
 */
export function columnType(name: string, values: readonly ParquetCell[]): ParquetType | null {
  let kind: 'string' | 'number' | 'boolean' | 'number list' | 'string list' | 'list' | null = null;
  let integral = true;
  const mixes = (k: string) => new InputTypeError(`parquet: column "${name}" mixes ${kind} and ${k} values`);
  for (const v of values) {
    if (v === null) continue;
    if (Array.isArray(v)) {
      // an empty list fits either element type; the first element decides
      const items = new Set(v.map((x: unknown) => typeof x));
      if (items.size > 1 || (items.size === 1 && !items.has('number') && !items.has('string'))) throw new InputTypeError(`parquet: column "${name}" holds a list that is not all numbers or all strings`);
      const k = items.has('number') ? 'number list' : items.has('string') ? 'string list' : 'list';
      if (kind !== null && kind !== k && !(k === 'list' && kind.endsWith('list')) && !(kind === 'list' && k.endsWith('list'))) throw mixes(k);
      if (kind === null || kind === 'list') kind = k;
      continue;
    }
    // a bigint is an integer number (INT64)
    const k = typeof v === 'bigint' ? 'number' : (typeof v as 'string' | 'number' | 'boolean');
    if (kind !== null && k !== kind) throw mixes(k);
    kind = k;
    if (typeof v === 'number' && !Number.isSafeInteger(v)) integral = false;
  }
  if (kind === null) return null;
  if (kind === 'number list' || kind === 'list') return 'DOUBLE_LIST';
  if (kind === 'string list') return 'STRING_LIST';
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

/** The Parquet schema elements of one column: one leaf, or a LIST group of three levels. */
function schemaElements(c: ParquetColumn): SchemaElement[] {
  const leaf = (name: string, type: ParquetType, repetition_type: 'OPTIONAL' | 'REQUIRED'): SchemaElement =>
    type === 'STRING' || type === 'STRING_LIST' ? { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type } : { name, type: type === 'DOUBLE_LIST' ? 'DOUBLE' : type, repetition_type };
  if (c.type !== 'DOUBLE_LIST' && c.type !== 'STRING_LIST') return [leaf(c.name, c.type, 'OPTIONAL')];
  return [
    { name: c.name, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
    { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
    leaf('element', c.type, 'REQUIRED'),
  ];
}

/**
 * Encode columns as one Parquet file (snappy pages, column statistics) that pandas, polars, R
 * (arrow) and DuckDB read; `metadata` becomes the file's key-value metadata. Written through
 * hyparquet-writer: Parquet's thrift metadata and page encodings are not something to write by
 * hand.
 */
export function encodeParquet(columns: readonly ParquetColumn[], metadata: Readonly<Record<string, string>> = {}): Uint8Array {
  if (columns.length === 0) throw new InputTypeError('parquet: a table needs at least one column');
  const rows = columns[0].values.length;
  for (const c of columns) {
    if (c.values.length !== rows) throw new InputTypeError(`parquet: column "${c.name}" has ${c.values.length} values, expected ${rows}`);
    const t = columnType(c.name, c.values);
    const fits = t === null || t === c.type || (t === 'INT64' && c.type === 'DOUBLE') || (t === 'DOUBLE_LIST' && c.type === 'STRING_LIST' && c.values.every((v) => v === null || (v as readonly unknown[]).length === 0));
    if (!fits) throw new InputTypeError(`parquet: column "${c.name}" is declared ${c.type} but holds ${t} values`);
  }
  const columnData = columns.map((c) => ({
    name: c.name,
    // INT64 columns are written from bigints (parquet's 64-bit integers)
    data: c.type === 'INT64' ? c.values.map((v) => (v === null ? null : BigInt(v as number | bigint))) : [...c.values],
  }));
  // an explicit schema (the one hyparquet-writer would infer for scalar columns) so that LIST columns can be declared
  const schema: SchemaElement[] = [{ name: 'root', num_children: columns.length }, ...columns.flatMap(schemaElements)];
  const kvMetadata = Object.entries(metadata).map(([key, value]) => ({ key, value }));
  return new Uint8Array(parquetWriteBuffer({ columnData: columnData as ColumnSource[], schema, createdBy: 'orbitscope', ...(kvMetadata.length ? { kvMetadata } : {}) }));
}

/** Write columns to a Parquet file atomically (a kill leaves the old file or the new one). */
export function writeParquet(path: string, columns: readonly ParquetColumn[], metadata: Readonly<Record<string, string>> = {}): void {
  atomicWrite(path, encodeParquet(columns, metadata));
}
