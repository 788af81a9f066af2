import type { Command } from 'commander';
import { lazyAction, type Cli, type Registrar } from '../program.js';
import { integer } from '../parse.js';
import type { ShadowCliOptions } from '../commands/shadow.js';
import { ALL_SHADOW_FAMILIES } from '../../shadow/families.js';

/** `orbitscope shadow`: the group element nearest to a trained layer, with its error. */
export const shadow: Registrar = (program: Command, cli: Cli) => {
  program
    .command('shadow')
    .description("The shadow element g* = argmin sum ||A(x) - g.x||^2 of a trained layer in a group family, its error, and the stabilisation residuals (trained vs untrained).")
    .requiredOption('--model <dir>', 'model directory (model.json + model.bin [+ snapshots/]) or a run directory (--seed picks the seed)')
    .requiredOption('--data <spec>', 'dataset spec: shapes[:...], mnist[:count=N], idx:..., natural:..., npy:FILE[,height=H,width=W]')
    .requiredOption('--family <name>', `group family: ${ALL_SHADOW_FAMILIES.join(', ')}`)
    .option('--layer <l>', 'layer (1 = next to the data); image families need 1', integer(1), 1)
    .option('--count <n>', 'use the first n inputs (default 500; gl: at least twice the dimension, which it needs to be determined)', integer(1))
    .option('--seed <s>', 'with a run directory as --model: the seed whose model to fit (default the first)', integer(0))
    .option('--out <file>', 'also write the JSON here (fields: docs/analysis-json.md)')
    .option('--json', 'print the JSON on stdout instead of the table')
    .option('--quiet', 'no progress output')
    .action(lazyAction<ShadowCliOptions>('shadow', cli, () => import('../commands/shadow.js')));
};
