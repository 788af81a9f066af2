import type { Command } from 'commander';
import { lazyAction, type Cli, type Registrar } from '../program.js';
import { collect, integer, integerList, positiveBigInt } from '../parse.js';
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
    .option('--order <N>', "the group's order when known (as GAP's StabChain(G, rec(size := N))): the randomized chain stops when it reaches N instead of being verified (then 20 random elements must lie in it: a wrong N below |G| passes with probability about 2^-20); an N that is not the verified order is an error", positiveBigInt)
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
  - other groups (primitive, not giants): degree up to several thousand with a short base (Mathieu
    groups, PSL(3,q), M11 x M11 on 7920, S5 wr S5 on 3125), seconds: the randomized chain is proved
    complete by Sims' verification, whose cost grows with the rank of each level's action rather
    than with degree times orbit (progress is shown); --order N skips it when N is known;
  - memory stays linear in the degree per level of the chain; an allocation failure stops with
    one line and exit 1.
  - set stabilizers of other groups use a backtrack search, exponential in the worst case.
Every order printed is exact unless --order is given (then the line says it relied on N and the
error bound); the line says how it was proved.`,
    )
    .action(lazyAction<GroupOptions>('group', cli, () => import('../commands/group.js')));
};
