import type { Command } from 'commander';
import { lazyAction, type Cli, type Registrar } from '../program.js';
import { integer, number } from '../parse.js';
import type { SweepFlags } from '../commands/sweep.js';
import type { WorkerFlags } from '../commands/worker.js';

/** `orbitscope sweep`: every cell of a grid of run options, each a full run in its own directory. */
export const sweep: Registrar = (program: Command, cli: Cli) => {
  program
    .command('sweep')
    .description('Run a grid of `run` options (a sweep file with base:, grid:, cells:), each cell a full run in DIR/cells/<config hash>; finished cells are reused, killed ones resume. Writes Parquet tables of the claims and units.')
    .requiredOption('--grid <file>', 'sweep file (YAML or JSON): base: options for every cell, grid: option -> list of values, cells: explicit list')
    .requiredOption('--out <dir>', 'sweep directory (cells/, sweep.json, *.parquet)')
    .option('--workers <n>', 'local worker processes (default: cores / the threads one run uses; a run uses every core, so 1)', integer(1, 256))
    .option('--queue <url>', 'put the cells on a BullMQ queue in Redis (redis://HOST:PORT) for `orbitscope worker` processes, and wait for them')
    .option('--detach', 'with --queue: enqueue and return at once (the same command again waits on the same cells)')
    .option('--quiet', 'no progress output')
    .option('--json', 'print the cells and their verdicts as JSON on stdout')
    .action(lazyAction<SweepFlags>('sweep', cli, () => import('../commands/sweep.js')));
};

/** `orbitscope worker`: take sweep cells from a BullMQ queue until stopped. */
export const worker: Registrar = (program: Command, cli: Cli) => {
  program
    .command('worker')
    .description('Take sweep cells from a BullMQ queue in Redis and run them into DIR (a directory the sweep and every worker see), until stopped (Ctrl-C or SIGTERM; a running cell is left to another worker, which resumes it).')
    .requiredOption('--queue <url>', "the queue's Redis, redis://HOST:PORT")
    .requiredOption('--out <dir>', 'the sweep directory (shared by the sweep and all workers)')
    .option('--concurrency <n>', 'cells run at once, each in its own process', integer(1, 256), 1)
    .option('--lock-seconds <s>', "how long a cell's lock lasts without renewal: a dead worker's cell goes to another worker after about this long", number(0.5, 3600), 30)
    .option('--quiet', 'no progress output')
    .action(lazyAction<WorkerFlags>('worker', cli, () => import('../commands/worker.js')));
  program
    .command('cell-process', { hidden: true })
    .description('internal: runs cells sent by a sweep or worker over IPC')
    .action(lazyAction<object>('cell-process', cli, () => import('../commands/cellProcess.js')));
};
