import type { Command } from 'commander';
import { lazyAction, type Cli, type Registrar } from '../program.js';
import type { OrbitFlags } from '../commands/orbit.js';
import { integer, number } from '../parse.js';
import { FINITE_ORBIT_NAMES } from '../orbitGroups.js';
import { LIE_GROUP_NAMES } from '../../groups/groupNames.js';

/** `orbitscope orbit`: orbit size and stabilizer of an image under a group. */
export const orbit: Registrar = (program: Command, cli: Cli) => {
  program
    .command('orbit')
    .description(
      'Orbit and stabilizer of an image (PNG, 2-D .npy, JSON rows): exact orbit size and stabilizer order under a finite pixel group (pixels quantised to --levels, default exact values), or orbit and stabilizer dimensions under an image-plane Lie group.',
    )
    .requiredOption('--image <file>', 'image file: .png, .npy (2-D) or .json (array of rows)')
    .requiredOption('--group <name>', `group: ${FINITE_ORBIT_NAMES}|${LIE_GROUP_NAMES.join('|')}`)
    .option('--levels <q>', 'finite groups: quantise pixel values to Q levels first', integer(2))
    .option('--eps <e>', 'finite: count the g with ||g.x - x|| <= eps ||x||; Lie: epsilon-stabilizer measure and epsilon-orbit size', number(0))
    .option('--tol <t>', 'Lie groups: relative tolerance of the tangent rank (default 0.01)')
    .option('--interp <kind>', 'Lie groups: bilinear (default) or bicubic resampling')
    .option('--border <mode>', 'Lie groups: zero (default), periodic or reflect')
    .option('--samples <n>', 'Lie groups: Halton samples of the parameter box for --eps (default 1024)')
    .option('--json', 'print JSON')
    .action(lazyAction<OrbitFlags>('orbit', cli, () => import('../commands/orbit.js')));
};
