import { join, resolve } from 'node:path';
import type { Action } from '../program.js';
import { UserError } from '../../core/errors.js';
import { makeOutputDirectory } from '../../core/outputs.js';
import { readSweepFile } from '../../sweep/sweepFile.js';
import { defaultWorkers, runLocalSweep, type SweepOutcome } from '../../sweep/localPool.js';
import { formatProgress, type SweepCounts } from '../../sweep/progress.js';
import { checkRedis, parseRedisUrl } from '../../sweep/redisConnection.js';
import { finishSweep, SWEEP_REPORT, verdictTable, writeSweepIndex } from '../../sweep/sweepDir.js';

export interface SweepFlags {
  grid: string;
  out: string;
  workers?: number;
  queue?: string;
  detach?: boolean;
  quiet?: boolean;
  json?: boolean;
}

/** `orbitscope sweep`: run (or enqueue and wait for) every cell of a sweep file; tables and verdicts at the end. */
export const handle: Action<SweepFlags> = async (f, _args, io) => {
  if (f.queue && f.workers !== undefined) throw new UserError('--workers: not with --queue (the workers are `orbitscope worker` processes)');
  if (f.detach && !f.queue) throw new UserError('--detach: only with --queue');
  const cells = readSweepFile(f.grid);
  // a file, /proc or a folder the user cannot write: one line naming --out, before any cell runs
  makeOutputDirectory('--out', f.out);
  const out = resolve(f.out);
  const address = f.queue ? parseRedisUrl(f.queue) : null;
  if (address) await checkRedis(address);
  writeSweepIndex(out, cells, resolve(f.grid));
  let last = '';
  const progress = (c: SweepCounts) => {
    const line = formatProgress(c);
    if (!f.quiet && line !== last) io.err(line);
    last = line;
  };
  let outcome: SweepOutcome;
  if (address) {
    const { queueSweep } = await import('../../sweep/queueSweep.js');
    const r = await queueSweep(address, cells, { detach: Boolean(f.detach), onProgress: progress, log: (l) => f.quiet || io.err(l) });
    if (!r) {
      io.out(f.json ? JSON.stringify({ out, queue: address.url, cells: cells.map((c) => ({ id: c.id, label: c.label })) }) : `${cells.length} cells on ${address.url}; run the same command without --detach to wait for them`);
      return 0;
    }
    outcome = r;
  } else {
    outcome = await runLocalSweep(out, cells, f.workers ?? defaultWorkers(), progress);
  }
  const { summaries, failures } = outcome;
  const metas = summaries.size ? await finishSweep(out, cells, summaries, failures) : [];
  for (const [id, message] of failures) io.err(`cell ${id} (${cells.find((c) => c.id === id)?.label}) failed: ${message}`);
  if (f.json) {
    io.out(
      JSON.stringify({
        out,
        cells: cells.map((c) => ({ id: c.id, label: c.label, verdicts: summaries.get(c.id)?.verdicts ?? null, failure: failures.get(c.id) ?? null })),
        pooled: Object.fromEntries(metas.map((m) => [m.claim, { verdict: m.verdict, estimate: m.pooled?.mu ?? null, ci: m.pooled?.ci ?? null, k: m.pooled?.k ?? 0, tau2: m.pooled?.tau2 ?? null, I2: m.pooled?.I2 ?? null, reason: m.reason, flips: m.flips.map((r) => r.cell.id) }])),
      }),
    );
  } else {
    const pooled = metas.map((m) => `  ${m.claim}  pooled: ${m.verdict}${m.pooled ? ` ${m.pooled.mu.toFixed(3)} [${m.pooled.ci[0].toFixed(3)}, ${m.pooled.ci[1].toFixed(3)}], I² ${(m.pooled.I2 * 100).toFixed(0)}%` : ''}${m.flips.length ? `; ${m.flips.length} cell(s) differ` : ''}`);
    io.out(`${verdictTable(cells, summaries, failures)}\n${pooled.join('\n')}\nsweep directory: ${out} (report: ${join(out, SWEEP_REPORT)})`);
  }
  return failures.size ? 1 : 0;
};
