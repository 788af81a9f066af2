import type { Command } from 'commander';
import { lazyAction, type Cli, type Registrar } from '../program.js';
import type { DataOptions } from '../commands/data.js';

/** `orbitscope data`: load a dataset from its spec, print a summary, write a PNG of the first 64 samples. */
export const data: Registrar = (program: Command, cli: Cli) => {
  program
    .command('data')
    .description('Load a dataset, print a summary (count, size, value range, primitive counts) and write a PNG grid of the first 64 samples')
    .option('--data <spec>', 'dataset spec: shapes[:n=16,count=20000,...] | mnist | idx:IMAGES[,LABELS] | natural:DIR[,patch=12,...] | npy:FILE', 'shapes')
    .option('--out <file.png>', 'write a PNG grid of the first 64 samples here')
    .option('--json', 'print the summary as JSON')
    .option('--strict', 'fail on a corrupt image in a folder instead of skipping it')
    .action(lazyAction<DataOptions>('data', cli, () => import('../commands/data.js')));
};
