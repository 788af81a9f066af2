import type { Command } from 'commander';
import { lazyAction, type Cli, type Registrar } from '../program.js';
import type { OrbitFlags } from '../commands/orbit.js';
import { integer, number, oneOf } from '../parse.js';
import { IMAGE_ORBIT_DEFAULTS } from '../../actions/defaults.js';
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
    .option('--tol <t>', `Lie groups: relative tolerance of the tangent rank (default ${IMAGE_ORBIT_DEFAULTS.tol})`, number(Number.MIN_VALUE))
    .option('--interp <kind>', `Lie groups: bilinear or bicubic resampling (default ${IMAGE_ORBIT_DEFAULTS.interp})`, oneOf(['bilinear', 'bicubic'] as const))
    .option('--border <mode>', `Lie groups: zero, periodic or reflect (default ${IMAGE_ORBIT_DEFAULTS.border})`, oneOf(['zero', 'periodic', 'reflect'] as const))
    .option('--samples <n>', `Lie groups: Halton samples of the parameter box for --eps (default ${IMAGE_ORBIT_DEFAULTS.samples})`, integer(1, 1 << 16))
    .option('--json', 'print JSON')
    .action(lazyAction<OrbitFlags>('orbit', cli, () => import('../commands/orbit.js')));
};
