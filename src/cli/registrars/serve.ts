import type { Command } from 'commander';
import { lazyAction, type Cli, type Registrar } from '../program.js';
import { integer } from '../parse.js';
import type { ServeOptions } from '../commands/serve.js';

/** `orbitscope serve [DIR ...] [--port P] [--rebuild]`: the explorer on 127.0.0.1 until Ctrl-C. */
export const serve: Registrar = (program: Command, cli: Cli) => {
  program
    .command('serve')
    .description('Serve the explorer for run directories (a run, or a folder of runs; default runs/) on 127.0.0.1')
    .argument('[dirs...]', 'run directories or folders of runs', [])
    .option('--port <p>', 'TCP port on 127.0.0.1 (default: a free port)', integer(0, 65535))
    .option('--rebuild', 'rebuild the explorer app even when the built copy is fresh')
    .action(lazyAction<ServeOptions>('serve', cli, () => import('../commands/serve.js')));
};
