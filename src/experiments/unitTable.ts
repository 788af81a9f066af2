import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import type { ParquetCell, ParquetColumn, ParquetType } from '../data/parquet.js';
import type { FeatureResult } from '../results/index.js';

// The per-unit, per-snapshot records of a run (every unit of every layer at every snapshot: orbit
// numbers, complexity, emergence) as Parquet tables, one file per seed and layer, beside a
// results.json that stays the summary a person reads. This module is the one codec between the
// records and the tables: pure, so the explorer (in the browser) and the sweep (in Node) decode
// with the same code the runner encodes with. Layout and columns: docs/unit-tables.md.

/** The folder of a run directory that holds the unit tables. */
export const UNIT_TABLE_DIR = 'units';

/** Path of the table of one seed and layer, relative to the run directory (also a URL path). */
export function unitTablePath(seed: number, layer: number): string {
  return `${UNIT_TABLE_DIR}/seed-${seed}-layer-${layer}.parquet`;
}

/** The key of the file metadata that lets a reader rebuild the records from the columns. */
export const UNIT_TABLE_METADATA_KEY = 'orbitscope.unitTable';

/**
 * How an orbit field is stored: int (INT64, a JS number), decimal (INT64 of a decimal-string
 * integer such as an orbit size, read back as the same string), double, string, boolean, doubles
 * (LIST of DOUBLE), strings (LIST of UTF8).
 */
export type OrbitFieldKind = 'int' | 'decimal' | 'double' | 'string' | 'boolean' | 'doubles' | 'strings';

/** One orbit number's column: `orbits_<group>_<field>`. */
export interface OrbitColumn {
  readonly group: string;
  readonly field: string;
  readonly column: string;
  readonly kind: OrbitFieldKind;
}

/** The orbit columns of a run's tables; the same for every file of the run, so the files concatenate. */
export interface UnitTableLayout {
  readonly version: 1;
  /** Every group of the records, in order (each record has an entry per group). */
  readonly groups: readonly string[];
  readonly orbits: readonly OrbitColumn[];
}

const PARQUET_TYPE: Record<OrbitFieldKind, ParquetType> = { int: 'INT64', decimal: 'INT64', double: 'DOUBLE', string: 'STRING', boolean: 'BOOLEAN', doubles: 'DOUBLE_LIST', strings: 'STRING_LIST' };
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Whether s is an integer written in canonical decimal (as a bigint's toString) that fits INT64. */
function isInt64Decimal(s: string): boolean {
  if (!/^-?(0|[1-9]\d*)$/.test(s)) return false;
  const b = BigInt(s);
  return b >= INT64_MIN && b <= INT64_MAX;
}

/**
 * The kinds of the orbit fields Orbitscope writes (src/analysis/featureOrbits.ts), so that a
 * column's type does not depend on the values one run happened to take (docs/unit-tables.md).
 */
const DECLARED_KINDS: Readonly<Record<string, OrbitFieldKind>> = {
  groupOrder: 'decimal',
  order: 'decimal',
  orbitSize: 'decimal',
  stabilizerOrder: 'decimal',
  levels: 'int',
  epsStabilizerSize: 'int',
  dim: 'int',
  orbitDim: 'int',
  stabilizerDim: 'int',
  samples: 'int',
  eps: 'double',
  epsOrbitSize: 'double',
  epsStabilizerMeasure: 'double',
  tol: 'double',
  singularValues: 'doubles',
  stabilizerElements: 'strings',
  reason: 'string',
};

const FITS: Record<OrbitFieldKind, (v: unknown) => boolean> = {
  int: (v) => Number.isSafeInteger(v),
  decimal: (v) => typeof v === 'string' && isInt64Decimal(v),
  double: (v) => typeof v === 'number',
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  doubles: (v) => Array.isArray(v) && v.every((x) => typeof x === 'number'),
  strings: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
};

/**
 * The storage kind of one orbit field: its declared kind when every value fits it, else the
 * narrowest kind that holds every value it takes in the run.
 */
function fieldKind(group: string, field: string, values: readonly unknown[]): OrbitFieldKind {
  const present = values.filter((v) => v !== null && v !== undefined);
  const declared = DECLARED_KINDS[field];
  // narrowest first: an integer column is INT64 rather than DOUBLE, a decimal string INT64 rather than text
  const order: OrbitFieldKind[] = [...(declared ? [declared] : []), 'boolean', 'int', 'double', 'decimal', 'string', 'doubles', 'strings'];
  if (present.length === 0) return declared ?? 'double';
  const kind = order.find((k) => present.every(FITS[k]));
  if (!kind) throw new TypeError(`unitTableLayout: orbits.${group}.${field} mixes kinds of values; a column has one type`);
  return kind;
}

/**
 * The layout of a run's tables from all its records (every seed and layer): one column per
 * (group, field) that any record has, in order of first appearance, with the narrowest kind that
 * holds every value.
 */
export function unitTableLayout(records: readonly FeatureResult[]): UnitTableLayout {
  const groups: string[] = [];
  const fields = new Map<string, { group: string; field: string; values: unknown[] }>();
  for (const r of records) {
    for (const [g, rec] of Object.entries(r.orbits)) {
      if (!groups.includes(g)) groups.push(g);
      for (const [f, v] of Object.entries(rec)) {
        const key = `${g}\u0000${f}`;
        let e = fields.get(key);
        if (!e) fields.set(key, (e = { group: g, field: f, values: [] }));
        e.values.push(v);
      }
    }
  }
  const orbits = [...fields.values()].map(({ group, field, values }) => ({ group, field, column: `orbits_${group}_${field}`, kind: fieldKind(group, field, values) }));
  return { version: 1, groups, orbits };
}

/** A finite number, else null (Parquet keeps NaN, results.json never had it: the same null as there). */
function finite(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

function stored(kind: OrbitFieldKind, v: unknown): ParquetCell {
  if (v === null || v === undefined) return null;
  // as a bigint: an orbit size beyond 2^53 keeps every digit
  if (kind === 'decimal') return BigInt(v as string);
  if (kind === 'double') return finite(v as number);
  return v as ParquetCell;
}

/**
 * The columns of one table (records of one seed and layer, any order): the fixed columns of
 * every record, then the layout's orbit columns. Decimal orbit fields (orbit sizes, group
 * orders) are written as INT64 so that a query can compare and sum them.
 */
export function unitTableColumns(records: readonly FeatureResult[], layout: UnitTableLayout): { columns: ParquetColumn[]; metadata: Record<string, string> } {
  const col = (name: string, type: ParquetType, value: (r: FeatureResult) => ParquetCell): ParquetColumn => ({ name, type, values: records.map(value) });
  const columns: ParquetColumn[] = [
    col('seed', 'INT64', (r) => r.seed),
    col('layer', 'INT64', (r) => r.layer),
    col('unit', 'INT64', (r) => r.unit),
    col('snapshot_index', 'INT64', (r) => r.snapshot.index),
    col('snapshot_step', 'INT64', (r) => r.snapshot.step),
    col('snapshot_epoch', 'DOUBLE', (r) => finite(r.snapshot.epoch)),
    ...layout.orbits.map((o) => col(o.column, PARQUET_TYPE[o.kind], (r) => stored(o.kind, r.orbits[o.group]?.[o.field]))),
    col('complexity_compressedBytes', 'INT64', (r) => r.complexity.compressedBytes),
    col('complexity_totalVariation', 'DOUBLE', (r) => finite(r.complexity.totalVariation)),
    col('complexity_spectralEntropy', 'DOUBLE', (r) => finite(r.complexity.spectralEntropy)),
    col('complexity_components', 'INT64', (r) => r.complexity.components),
    col('emergenceEpoch', 'DOUBLE', (r) => finite(r.emergenceEpoch)),
    col('matchedPrimitive_name', 'STRING', (r) => r.matchedPrimitive?.name ?? null),
    col('matchedPrimitive_cosine', 'DOUBLE', (r) => finite(r.matchedPrimitive?.cosine)),
  ];
  return { columns, metadata: { [UNIT_TABLE_METADATA_KEY]: JSON.stringify(layout) } };
}

const int = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : (v as number));

function readOrbitField(kind: OrbitFieldKind, v: unknown): unknown {
  if (kind === 'int') return int(v);
  if (kind === 'decimal') return (v as bigint | number).toString();
  return v;
}

/**
 * The records of one table, as the runner held them: a null orbit cell is a field the record
 * does not have (Parquet has one null for "missing" and "null"; Orbitscope's orbit records use
 * each field either always or never with null, see docs/unit-tables.md).
 */
export async function readUnitTable(file: ArrayBuffer): Promise<FeatureResult[]> {
  const meta = parquetMetadata(file);
  const text = meta.key_value_metadata?.find((kv) => kv.key === UNIT_TABLE_METADATA_KEY)?.value;
  if (!text) throw new TypeError(`readUnitTable: not an Orbitscope unit table (no ${UNIT_TABLE_METADATA_KEY} metadata)`);
  const layout = JSON.parse(text) as UnitTableLayout;
  const rows = (await parquetReadObjects({ file, metadata: meta, utf8: true })) as Record<string, unknown>[];
  return rows.map((row) => {
    const orbits: FeatureResult['orbits'] = Object.fromEntries(layout.groups.map((g) => [g, {}]));
    for (const o of layout.orbits) {
      const v = row[o.column];
      if (v !== null && v !== undefined) orbits[o.group][o.field] = readOrbitField(o.kind, v) as FeatureResult['orbits'][string][string];
    }
    const name = row.matchedPrimitive_name as string | null;
    return {
      seed: int(row.seed),
      layer: int(row.layer),
      unit: int(row.unit),
      snapshot: { index: int(row.snapshot_index), step: int(row.snapshot_step), epoch: row.snapshot_epoch as number },
      orbits,
      complexity: { compressedBytes: int(row.complexity_compressedBytes), totalVariation: row.complexity_totalVariation as number, spectralEntropy: row.complexity_spectralEntropy as number, components: int(row.complexity_components) },
      emergenceEpoch: row.emergenceEpoch as number | null,
      matchedPrimitive: name === null ? null : { name, cosine: row.matchedPrimitive_cosine as number },
    };
  });
}
