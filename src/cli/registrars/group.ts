import type { Command } from 'commander';
import { lazyAction, type Cli, type Registrar } from '../program.js';
import { collect, integer, integerList } from '../parse.js';
import type { GroupOptions } from '../commands/group.js';

/** `orbitscope group`: order, orbits, base and stabilizers of a permutation group given by generators. */
export const group: Registrar = (program: Command, cli: Cli) => {
  program
    .command('group')
    .description('Order, orbits, base and stabilizers of a permutation group given by generators (1-based points, GAP cycle notation).')
    .option('--gens <cycles>', 'a generator in cycle notation "(1,2,3)(4,5)" or image list "[2,3,1]" (repeatable)', collect)
    .option('--gens-file <file>', 'a file with one generator per line (# comments)')
    .option('--degree <n>', 'number of points (default: the largest point named)', integer(1))
    .option('--orbit-of <p>', 'print the orbit of point p', integer(1))
    .option('--stabilizer-of <p>', 'print the order of the stabilizer of point p', integer(1))
    .option('--stabilizer-of-set <points>', 'print the order of the setwise stabilizer of P,Q,...', integerList(1))
    .option('--stabilizer-of-tuple <points>', 'print the order of the pointwise stabilizer of P,Q,...', integerList(1))
    .option('--contains <cycles>', 'test membership of a permutation')
    .option('--json', 'print JSON')
    .action(lazyAction<GroupOptions>('group', cli, () => import('../commands/group.js')));
};
