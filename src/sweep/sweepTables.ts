import { join } from 'node:path';
import { columnsFromRecords, writeParquet, type ParquetValue } from '../data/parquet.js';
import { readCellResults, type CellResults } from './cellResults.js';
import { cellDir } from './cellSummary.js';
import type { SweepCell } from './sweepFile.js';

/** The Parquet files of a sweep directory, one row per (cell, claim), (cell, claim, seed), (cell, unit, snapshot). */
export const SWEEP_TABLES = { claims: 'claims.parquet', claimSeeds: 'claim_seeds.parquet', units: 'units.parquet' } as const;

/** A cell's varying options as scalar columns (lists joined with commas, e.g. layers "12,6"). */
function optionColumns(cell: SweepCell): Record<string, ParquetValue> {
  return Object.fromEntries(Object.entries(cell.varying).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v as ParquetValue)]));
}

/**
 * Write the sweep's Parquet tables over the finished cells: claims (verdict, statistic,
 * estimate and its interval, control), per-seed estimates, and per-unit records. Every row
 * carries the cell id, its label and the options that vary, so a query can group by them.
 */
export function writeSweepTables(out: string, cells: readonly { cell: SweepCell; results: CellResults }[]): void {
  const claimRows: Record<string, ParquetValue>[] = [];
  const seedRows: Record<string, ParquetValue>[] = [];
  const unitRows: Record<string, ParquetValue>[] = [];
  for (const { cell, results } of cells) {
    const key = { cell: cell.id, label: cell.label, ...optionColumns(cell) };
    for (const c of results.claims) {
      claimRows.push({
        ...key,
        claim: c.claim,
        title: c.title,
        verdict: c.verdict,
        reason: c.reason,
        statistic_name: c.statisticName,
        statistic: c.statistic,
        ci_low: c.ci?.[0] ?? null,
        ci_high: c.ci?.[1] ?? null,
        n: c.n,
        threshold: c.threshold,
        minimum_effect: c.minimumEffect,
        estimate_kind: c.estimate.kind,
        estimate: c.estimate.statistic,
        estimate_ci_low: c.estimate.ci?.[0] ?? null,
        estimate_ci_high: c.estimate.ci?.[1] ?? null,
        control_name: c.control?.name ?? null,
        control_statistic: c.control?.statistic ?? null,
      });
      for (const s of c.perSeed) seedRows.push({ ...key, claim: c.claim, estimate_kind: c.estimate.kind, seed: s.seed, estimate: s.value });
    }
    for (const u of results.units) unitRows.push({ ...key, ...u });
  }
  const doubles = { statistic: 'DOUBLE', ci_low: 'DOUBLE', ci_high: 'DOUBLE', threshold: 'DOUBLE', minimum_effect: 'DOUBLE', estimate: 'DOUBLE', estimate_ci_low: 'DOUBLE', estimate_ci_high: 'DOUBLE', control_statistic: 'DOUBLE', lr: 'DOUBLE', eps: 'DOUBLE' } as const;
  if (claimRows.length) writeParquet(join(out, SWEEP_TABLES.claims), columnsFromRecords(claimRows, doubles));
  if (seedRows.length) writeParquet(join(out, SWEEP_TABLES.claimSeeds), columnsFromRecords(seedRows, doubles));
  if (unitRows.length) writeParquet(join(out, SWEEP_TABLES.units), columnsFromRecords(unitRows, { lr: 'DOUBLE', eps: 'DOUBLE' }));
}

/** Read the results (and unit tables) of every finished cell of a sweep. */
export async function readSweepResults(out: string, cells: readonly SweepCell[], finished: ReadonlySet<string>): Promise<{ cell: SweepCell; results: CellResults }[]> {
  const read: { cell: SweepCell; results: CellResults }[] = [];
  for (const cell of cells) if (finished.has(cell.id)) read.push({ cell, results: await readCellResults(join(cellDir(out, cell.id), 'results.json')) });
  return read;
}
