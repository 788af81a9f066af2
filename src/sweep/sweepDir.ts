import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWrite } from '../core/atomicWrite.js';
import type { SweepCell } from './sweepFile.js';
import type { CellSummary } from './cellSummary.js';
import { readSweepResults, writeSweepTables } from './sweepTables.js';
import { sweepMeta, type ClaimMeta } from './sweepMeta.js';
import { sweepReportHtml } from './sweepReport.js';

/** Write sweep.json: the sweep's cells (id, label, varying options, full config), so a reader needs no sweep file. */
export function writeSweepIndex(out: string, cells: readonly SweepCell[], source: string): void {
  mkdirSync(join(out, 'cells'), { recursive: true });
  atomicWrite(join(out, 'sweep.json'), `${JSON.stringify({ source, cells: cells.map((c) => ({ id: c.id, label: c.label, varying: c.varying, config: c.config })) }, null, 1)}\n`);
}

/** The sweep's report page, in the sweep directory. */
export const SWEEP_REPORT = 'sweep-report.html';

/** After the cells: the Parquet tables and sweep-report.html over every finished cell; returns the meta-analysis. */
export async function finishSweep(out: string, cells: readonly SweepCell[], summaries: ReadonlyMap<string, CellSummary>, failures: ReadonlyMap<string, string>): Promise<ClaimMeta[]> {
  const finished = await readSweepResults(out, cells, new Set(summaries.keys()));
  writeSweepTables(out, finished);
  const metas = sweepMeta(finished);
  const failed = cells.filter((c) => failures.has(c.id)).map((cell) => ({ cell, message: failures.get(cell.id)! }));
  atomicWrite(join(out, SWEEP_REPORT), await sweepReportHtml(finished, metas, failed));
  return metas;
}

/** The verdict table printed at the end: one row per cell, one column per claim. */
export function verdictTable(cells: readonly SweepCell[], summaries: ReadonlyMap<string, CellSummary>, failures: ReadonlyMap<string, string>): string {
  const claims = [...new Set([...summaries.values()].flatMap((s) => Object.keys(s.verdicts)))];
  const width = Math.max(4, ...cells.map((c) => c.label.length));
  const short = (v: string | undefined) => (v === undefined ? '—' : v === 'supported' ? 'yes' : v === 'not supported' ? 'no' : v === 'inconclusive' ? '?' : v);
  const head = `${'cell'.padEnd(16)}  ${'options'.padEnd(width)}  ${claims.map((c) => c.padEnd(4)).join(' ')}`;
  const rows = cells.map((c) => {
    const s = summaries.get(c.id);
    const verdicts = s ? claims.map((k) => short(s.verdicts[k]).padEnd(4)).join(' ') : `failed: ${failures.get(c.id) ?? 'not run'}`;
    return `${c.id}  ${c.label.padEnd(width)}  ${verdicts}`;
  });
  return [head, ...rows, '(yes = supported, no = not supported, ? = inconclusive)'].join('\n');
}
