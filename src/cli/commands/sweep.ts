import type { Command } from 'commander';
import { resolve } from 'node:path';
import { action, type Cli } from '../program.js';
import { integer, number } from '../parse.js';
import { UserError } from '../../core/errors.js';
import { readSweepFile } from '../../sweep/sweepFile.js';
import { defaultWorkers, runLocalSweep, type SweepOutcome } from '../../sweep/localPool.js';
import { formatProgress, type SweepCounts } from '../../sweep/progress.js';
import { checkRedis, parseRedisUrl } from '../../sweep/redisConnection.js';
import { finishSweep, verdictTable, writeSweepIndex } from '../../sweep/sweepDir.js';

interface SweepFlags {
  grid: string;
  out: string;
  workers?: number;
  queue?: string;
  detach?: boolean;
  quiet?: boolean;
  json?: boolean;
}

interface WorkerFlags {
  queue: string;
  out: string;
  concurrency: number;
  lockSeconds: number;
  quiet?: boolean;
}

/** `orbitscope sweep`: every cell of a grid of run options, each a full run in its own directory. */
export function registerSweep(program: Command, cli: Cli): void {
  program
    .command('sweep')
    .description('Run a grid of `run` options (a sweep file with base:, grid:, cells:), each cell a full run in DIR/cells/<config hash>; finished cells are reused, killed ones resume. Writes Parquet tables of the claims and units.')
    .requiredOption('--grid <file>', 'sweep file (YAML or JSON): base: options for every cell, grid: option -> list of values, cells: explicit list')
    .requiredOption('--out <dir>', 'sweep directory (cells/, sweep.json, *.parquet)')
    .option('--workers <n>', `local worker processes (default ${defaultWorkers()}: cores / threads of one run)`, integer(1, 256))
    .option('--queue <url>', 'put the cells on a BullMQ queue in Redis (redis://HOST:PORT) for `orbitscope worker` processes, and wait for them')
    .option('--detach', 'with --queue: enqueue and return at once (the same command again waits on the same cells)')
    .option('--quiet', 'no progress output')
    .option('--json', 'print the cells and their verdicts as JSON on stdout')
    .action(
      action<SweepFlags>('sweep', cli, async (f, _args, io) => {
        if (f.queue && f.workers !== undefined) throw new UserError('--workers: not with --queue (the workers are `orbitscope worker` processes)');
        if (f.detach && !f.queue) throw new UserError('--detach: only with --queue');
        const cells = readSweepFile(f.grid);
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
        finishSweep(out, cells, summaries);
        for (const [id, message] of failures) io.err(`cell ${id} (${cells.find((c) => c.id === id)?.label}) failed: ${message}`);
        if (f.json) {
          io.out(JSON.stringify({ out, cells: cells.map((c) => ({ id: c.id, label: c.label, verdicts: summaries.get(c.id)?.verdicts ?? null, failure: failures.get(c.id) ?? null })) }));
        } else {
          io.out(`${verdictTable(cells, summaries, failures)}\nsweep directory: ${out}`);
        }
        return failures.size ? 1 : 0;
      }),
    );
  program
    .command('worker')
    .description('Take sweep cells from a BullMQ queue in Redis and run them into DIR (a directory the sweep and every worker see), until stopped (Ctrl-C or SIGTERM; a running cell is left to another worker, which resumes it).')
    .requiredOption('--queue <url>', 'the queue\'s Redis, redis://HOST:PORT')
    .requiredOption('--out <dir>', 'the sweep directory (shared by the sweep and all workers)')
    .option('--concurrency <n>', 'cells run at once, each in its own process', integer(1, 256), 1)
    .option('--lock-seconds <s>', 'how long a cell\'s lock lasts without renewal: a dead worker\'s cell goes to another worker after about this long', number(0.5, 3600), 30)
    .option('--quiet', 'no progress output')
    .action(
      action<WorkerFlags>('worker', cli, async (f, _args, io) => {
        const address = parseRedisUrl(f.queue);
        await checkRedis(address);
        const { runWorkerUntilStopped } = await import('../../sweep/queueSweep.js');
        await runWorkerUntilStopped(address, resolve(f.out), { concurrency: f.concurrency, lockMs: Math.round(f.lockSeconds * 1000), log: (l) => f.quiet || io.err(l) });
      }),
    );
  program
    .command('cell-process', { hidden: true })
    .description('internal: runs cells sent by a sweep or worker over IPC')
    .action(
      action('cell-process', cli, async () => {
        const { serveCells } = await import('../../sweep/serveCells.js');
        await serveCells();
      }),
    );
}
