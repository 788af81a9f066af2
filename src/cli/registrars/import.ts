import type { Command } from 'commander';
import { lazyAction, type Cli, type Registrar } from '../program.js';
import { collect } from '../parse.js';
import type { ImportCliOptions } from '../commands/import.js';

/** `orbitscope import`: dense layers trained elsewhere (.npy, safetensors) as a model directory. */
export const importCommand: Registrar = (program: Command, cli: Cli) => {
  program
    .command('import')
    .description('Write a model directory (model.json, model.bin, encoder.onnx) from weights trained elsewhere, for analyze, shadow and serve.')
    .requiredOption('--weights <file>', 'a layer weight [h, d] (PyTorch nn.Linear layout): FILE.npy or FILE.safetensors:NAME; a bare FILE.safetensors takes all its *weight matrices with their *bias (repeatable, in order)', collect)
    .option('--bias <file>', 'a layer hidden bias, FILE.npy or FILE.safetensors:NAME (repeatable, one per layer)', collect)
    .option('--activation <list>', 'sigmoid, tanh, relu or linear: one for all layers or a comma list per layer', 'sigmoid')
    .option('--transpose', 'weights are stored [d, h] (Keras, x W layouts)')
    .requiredOption('--out <dir>', 'model directory to write')
    .action(lazyAction<ImportCliOptions>('import', cli, () => import('../commands/import.js')));
};
