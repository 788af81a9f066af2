import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../core/errors.js';
import { readUnitTable } from '../experiments/unitTable.js';

/**
 * The one adapter between a cell's results.json (and its unit tables) and the sweep (tables,
 * meta-analysis, report).
 * It reads only the fields the sweep needs, loosely, so that the results schema can grow; when
 * that schema changes shape, this file is the one to change.
 */

const interval = z.tuple([z.number(), z.number()]).nullable().optional();
const num = z.number().nullable().optional();
/** A statistic with its interval, as claims report a difference or a control. */
const estimate = z.looseObject({ statistic: num, ci: interval });

const ClaimView = z.looseObject({
  verdict: z.string(),
  statistic: num,
  ci: interval,
  n: z.number().optional(),
  reason: z.string().optional(),
  title: z.string().optional(),
  statisticName: z.string().optional(),
  threshold: z.number().optional(),
  minimumEffect: z.number().optional(),
  /** Trained minus control, when the claim is judged on it (the verdict issue). */
  difference: estimate.nullable().optional(),
  control: z.union([estimate.extend({ name: z.string().optional() }), z.array(estimate.extend({ name: z.string().optional() }))]).nullable().optional(),
  perSeed: z.array(z.looseObject({ seed: z.number(), statistic: num, difference: z.union([z.number(), estimate]).nullable().optional() })).optional(),
});

const ResultsView = z.looseObject({
  claims: z.record(z.string(), ClaimView),
  /** The per-unit records' Parquet tables, relative to the run directory. */
  unitTables: z.array(z.looseObject({ path: z.string() })).default([]),
});

/** One claim of one cell, as the sweep uses it. */
export interface CellClaim {
  readonly claim: string;
  readonly title: string;
  readonly verdict: string;
  readonly reason: string | null;
  readonly statisticName: string;
  /** The claim's headline statistic (the trained one when there is a control). */
  readonly statistic: number | null;
  readonly ci: readonly [number, number] | null;
  readonly n: number | null;
  readonly threshold: number;
  readonly minimumEffect: number | null;
  readonly control: { readonly name: string; readonly statistic: number | null; readonly ci: readonly [number, number] | null } | null;
  /** What the verdict is on: trained minus control when the claim has one, else the statistic itself. */
  readonly estimate: { readonly kind: 'difference' | 'statistic'; readonly statistic: number | null; readonly ci: readonly [number, number] | null };
  /** The estimate for each seed alone (finite values only), for the meta-analysis's within-cell variance. */
  readonly perSeed: readonly { readonly seed: number; readonly value: number }[];
}

/** One unit's record at one snapshot, flattened to scalar columns. */
export type UnitRecord = Record<string, string | number | boolean | null>;

/** What the sweep reads from one cell's results.json and unit tables. */
export interface CellResults {
  readonly claims: readonly CellClaim[];
  readonly units: readonly UnitRecord[];
}

function finite(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

function claimOf(id: string, c: z.infer<typeof ClaimView>): CellClaim {
  const control = Array.isArray(c.control) ? (c.control[0] ?? null) : (c.control ?? null);
  const difference = c.difference ?? null;
  const perSeed = (c.perSeed ?? [])
    .map((s) => ({ seed: s.seed, value: finite(difference ? (typeof s.difference === 'number' ? s.difference : (s.difference?.statistic ?? null)) : s.statistic) }))
    .filter((s): s is { seed: number; value: number } => s.value !== null);
  return {
    claim: id,
    title: c.title ?? id,
    verdict: c.verdict,
    reason: c.reason ?? null,
    statisticName: c.statisticName ?? 'statistic',
    statistic: finite(c.statistic),
    ci: c.ci ?? null,
    n: c.n ?? null,
    threshold: c.threshold ?? 0,
    minimumEffect: c.minimumEffect ?? null,
    control: control ? { name: control.name ?? 'control', statistic: finite(control.statistic), ci: control.ci ?? null } : null,
    estimate: difference ? { kind: 'difference', statistic: finite(difference.statistic), ci: difference.ci ?? null } : { kind: 'statistic', statistic: finite(c.statistic), ci: c.ci ?? null },
    perSeed,
  };
}

/** Scalar fields of a feature record as columns: nested objects joined with "_", arrays left out. */
function flatten(prefix: string, value: unknown, into: UnitRecord): void {
  if (value === null || value === undefined) {
    into[prefix] = null;
  } else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    into[prefix] = value;
  } else if (typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(prefix ? `${prefix}_${k}` : k, v, into);
  }
}

function parseResults(json: unknown, where: string): z.infer<typeof ResultsView> {
  const r = ResultsView.safeParse(json);
  if (!r.success) throw new UserError(`${where}: not an Orbitscope results file (${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message})`);
  return r.data;
}

/** The claims of a parsed results.json, and `records` (the run's per-unit records) flattened to scalar columns. */
export function cellResultsOf(json: unknown, where = 'results.json', records: readonly unknown[] = []): CellResults {
  const claims = Object.entries(parseResults(json, where).claims).map(([id, c]) => claimOf(id, c));
  const units = records.map((f) => {
    const row: UnitRecord = {};
    flatten('', f, row);
    return row;
  });
  return { claims, units };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UserError(`${path}: cannot read (${(e as Error).message})`);
  }
}

/** The claims of one cell's results.json (the verdicts a summary needs; no unit table is read). */
export function readCellClaims(path: string): readonly CellClaim[] {
  return cellResultsOf(readJson(path), path).claims;
}

/** Read one cell's results.json and every unit table it lists (paths relative to its directory). */
export async function readCellResults(path: string): Promise<CellResults> {
  const json = readJson(path);
  const records = [];
  for (const t of parseResults(json, path).unitTables) {
    const bytes = await readFile(join(dirname(path), t.path));
    records.push(...(await readUnitTable(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)));
  }
  return cellResultsOf(json, path, records);
}
