import type { Command } from 'commander';
import { resolve } from 'node:path';
import { action, type Cli } from '../program.js';
import { integer } from '../parse.js';
import { readSweepFile } from '../../sweep/sweepFile.js';
import { defaultWorkers, runLocalSweep } from '../../sweep/localPool.js';
import { formatProgress } from '../../sweep/progress.js';
import { finishSweep, verdictTable, writeSweepIndex } from '../../sweep/sweepDir.js';

interface SweepFlags {
  grid: string;
  out: string;
  workers?: number;
  quiet?: boolean;
  json?: boolean;
}

/** `orbitscope sweep`: every cell of a grid of run options, each a full run in its own directory. */
export function registerSweep(program: Command, cli: Cli): void {
  program
    .command('sweep')
    .description('Run a grid of `run` options (a sweep file with base:, grid:, cells:), each cell a full run in DIR/cells/<config hash>; finished cells are reused, killed ones resume. Writes Parquet tables of the claims and units.')
    .requiredOption('--grid <file>', 'sweep file (YAML or JSON): base: options for every cell, grid: option -> list of values, cells: explicit list')
    .requiredOption('--out <dir>', 'sweep directory (cells/, sweep.json, *.parquet)')
    .option('--workers <n>', `local worker processes (default ${defaultWorkers()}: cores / threads of one run)`, integer(1, 256))
    .option('--quiet', 'no progress output')
    .option('--json', 'print the cells and their verdicts as JSON on stdout')
    .action(
      action<SweepFlags>('sweep', cli, async (f, _args, io) => {
        const cells = readSweepFile(f.grid);
        const out = resolve(f.out);
        writeSweepIndex(out, cells, resolve(f.grid));
        let last = '';
        const { summaries, failures } = await runLocalSweep(out, cells, f.workers ?? defaultWorkers(), (c) => {
          const line = formatProgress(c);
          if (!f.quiet && line !== last) io.err(line);
          last = line;
        });
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
    .command('cell-process', { hidden: true })
    .description('internal: runs cells sent by a sweep or worker over IPC')
    .action(
      action('cell-process', cli, async () => {
        const { serveCells } = await import('../../sweep/serveCells.js');
        await serveCells();
      }),
    );
}
