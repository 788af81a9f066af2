import type { Command } from 'commander';
import { lazyAction, type Cli, type Registrar } from '../program.js';
import { integer, number, oneOf } from '../parse.js';
import type { AnalyzeCliOptions } from '../commands/analyze.js';
import { ANALYSIS_DEFAULTS } from '../../analysis/defaults.js';

/** `orbitscope analyze`: orbit numbers and complexity of every learned feature of a model. */
export const analyze: Registrar = (program: Command, cli: Cli) => {
  program
    .command('analyze')
    .description("Orbit numbers (finite and Lie groups), complexity and emergence of a trained model's features, in input space.")
    .requiredOption('--model <path>', 'model directory (model.json + model.bin [+ snapshots/]), a run directory (every seed, or --seed) or an .onnx network (every Conv/Gemm/MatMul layer; needs --data; docs/onnx-import.md)')
    .option('--group <list>', 'comma-separated groups: translations, d4, p4m, t2, so2, scale, se2, sim2, gl2, aff2', 'so2,se2,p4m')
    .option('--eps <e>', 'epsilon of the epsilon-stabilizers (last snapshot); omit to skip them', number(0))
    .option('--snapshots <which>', 'last (final weights) or all (every snapshot, plus unit emergence)', oneOf(['all', 'last'] as const), 'last')
    .option('--height <h>', 'input image height (default: square)', integer(1))
    .option('--width <w>', 'input image width (default: square)', integer(1))
    .option('--levels <n>', 'quantisation levels before exact finite stabilizers', integer(2), ANALYSIS_DEFAULTS.levels)
    .option('--tol <t>', 'relative tolerance of tangent ranks', number(1e-9), ANALYSIS_DEFAULTS.tol)
    .option('--samples <n>', 'Halton samples per Lie group box for eps measures', integer(1), ANALYSIS_DEFAULTS.samples)
    .option('--seed <s>', 'with a run directory as --model: analyse this seed only (default every seed)', integer(0))
    .option('--out <file>', 'also write the JSON here (fields: docs/analysis-json.md)')
    .option('--json', 'print the JSON on stdout instead of the table')
    .option('--quiet', 'no progress output')
    .option('--data <spec>', 'ONNX networks: data they are analysed on (mnist, natural:DIR,patch=16,color=true, npy:FILE)')
    .option('--features <dir>', 'ONNX networks: also write the views as a directory the explorer serves (orbitscope serve DIR)')
    .option('--input-shape <dims>', 'ONNX networks: full input shape where the model leaves dims symbolic, e.g. 1x1x28x28')
    .action(lazyAction<AnalyzeCliOptions>('analyze', cli, () => import('../commands/analyze.js')));
};
