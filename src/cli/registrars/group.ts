import type { Command } from 'commander';
import { lazyAction, type Cli, type Registrar } from '../program.js';
import { collect, integer, integerList } from '../parse.js';
import type { GroupOptions } from '../commands/group.js';
import { MAX_DEGREE } from '../../groups/perm/cycles.js';

/** Above this degree `group` summarises the orbits unless --full (mirrors commands/group.ts). */
const ORBIT_LIST_MAX_DEGREE = 1000;

/** `orbitscope group`: order, orbits, base and stabilizers of a permutation group given by generators. */
export const group: Registrar = (program: Command, cli: Cli) => {
  program
    .command('group')
    .description('Order, orbits, base and stabilizers of a permutation group given by generators (1-based points, GAP cycle notation).')
    .option('--gens <cycles>', 'a generator in cycle notation "(1,2,3)(4,5)" or image list "[2,3,1]" (repeatable)', collect)
    .option('--gens-file <file>', 'a file with one generator per line (# comments)')
    .option('--degree <n>', `number of points (default: the largest point named; at most ${MAX_DEGREE})`, integer(1, MAX_DEGREE))
    .option('--orbit-of <p>', 'print the orbit of point p', integer(1))
    .option('--stabilizer-of <p>', 'print the order of the stabilizer of point p', integer(1))
    .option('--stabilizer-of-set <points>', 'print the order of the setwise stabilizer of P,Q,...', integerList(1))
    .option('--stabilizer-of-tuple <points>', 'print the order of the pointwise stabilizer of P,Q,...', integerList(1))
    .option('--contains <cycles>', 'test membership of a permutation')
    .option('--full', `list every orbit and base point (above degree ${ORBIT_LIST_MAX_DEGREE} orbits are summarised: count and sizes)`)
    .option('--quiet', 'no progress output on stderr')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Generators longer than the command line allows (large degrees) go in a file: --gens-file FILE.
Practical sizes on a 2-core machine (order and stabilizers; measured by bench/groups.ts):
  - symmetric and alternating groups on their moved points (recognised, closed forms): any degree up to ${MAX_DEGREE};
  - direct products whose generators each move one orbit only: split into their factors;
  - groups with blocks of imprimitivity: the order through the action on the blocks, in seconds at
    degrees in the tens of thousands when that action is faithful (M23 on 70,840 points) or when
    the group is a full wreath product (C2 wr S500, Sylow subgroups of S1024);
  - other groups (primitive, not giants): degree up to a few thousand with a short base (Mathieu
    groups, PSL(3,q)), seconds to minutes: the order is proved by a deterministic check of the
    chain whose cost grows with degree times the largest orbit (progress is shown);
  - memory stays linear in the degree per level of the chain; an allocation failure stops with
    one line and exit 1.
  - set stabilizers of other groups use a backtrack search, exponential in the worst case.
Every order printed is exact; the line says how it was proved.`,
    )
    .action(lazyAction<GroupOptions>('group', cli, () => import('../commands/group.js')));
};
