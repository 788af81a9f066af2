import type { Command } from 'commander';
import { lazyAction, type Cli, type Registrar } from '../program.js';
import { integer, oneOf } from '../parse.js';
import type { CountOptions } from '../commands/count.js';
import { MAX_ORBITS_BY_SIZE_ORDER } from '../../groups/count/orbitsBySize.js';

import { GRID_GROUPS } from '../../groups/groupNames.js';

/** `orbitscope count`: colourings of an n x n grid with K colours up to a pixel group. */
export const count: Registrar = (program: Command, cli: Cli) => {
  program
    .command('count')
    .description(`Number of colourings of an N x N grid with K colours up to a pixel group (Burnside), and the number of orbits of each size (groups of order at most ${MAX_ORBITS_BY_SIZE_ORDER}).`)
    .requiredOption('--size <n>', 'grid side N', integer(1, 64))
    .requiredOption('--colors <k>', 'number of colours K', integer(1))
    .requiredOption('--group <name>', `pixel group: ${GRID_GROUPS.join('|')}`, oneOf(GRID_GROUPS))
    .option('--json', 'print JSON')
    .action(lazyAction<CountOptions>('count', cli, () => import('../commands/count.js')));
};
