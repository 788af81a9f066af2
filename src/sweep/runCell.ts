import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWrite } from '../core/atomicWrite.js';
import { runWithReport } from '../report/runWithReport.js';
import { cellDir, finishedCell, summarizeCell, type CellSpec, type CellSummary } from './cellSummary.js';

/**
 * Run one cell as a full `run` in its own directory, or reuse it: a cell whose results.json
 * exists is never recomputed, and one that was killed resumes from its checkpoints (the run's
 * own resume). Progress lines go to the cell's sweep.log.
 */
export async function runCell(out: string, cell: CellSpec): Promise<CellSummary> {
  const done = finishedCell(out, cell.id);
  if (done) return done;
  const t0 = performance.now();
  const dir = cellDir(out, cell.id);
  mkdirSync(dir, { recursive: true });
  atomicWrite(join(dir, 'cell.json'), `${JSON.stringify({ id: cell.id, config: cell.config }, null, 2)}\n`);
  const logPath = join(dir, 'sweep.log');
  await runWithReport(cell.config, { out: dir, log: (line) => appendFileSync(logPath, `${line}\n`) });
  return summarizeCell(out, cell.id, Math.round(performance.now() - t0) / 1000, false);
}
