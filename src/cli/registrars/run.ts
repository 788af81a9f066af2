import type { Command } from 'commander';
import { lazyAction, type Cli, type Registrar } from '../program.js';
import { integer, integerList, number, oneOf } from '../parse.js';
import type { RunFlags } from '../commands/run.js';
import { PRESETS } from '../../experiments/presets.js';
import { COMPLEXITY_MEASURES } from '../../experiments/complexityMeasures.js';
import { ANALYSIS_DEFAULTS } from '../../analysis/defaults.js';

/** `orbitscope run`: train, snapshot, analyse and test every claim; write the run directory. */
export const run: Registrar = (program: Command, cli: Cli) => {
  program
    .command('run')
    .description('Run the experiments end to end: train, snapshot, analyse, judge each claim C2-C5 against its declared controls, run the engine self-checks C0-C1, and write a run directory with results.json and report.html.')
    .option('--preset <name>', `starting point: ${PRESETS.join(', ')} (default shapes)`, oneOf(PRESETS))
    .option('--data <spec>', 'dataset spec, e.g. shapes:n=12,count=6000 | mnist | idx:IMAGES[,LABELS] | natural:DIR[,patch=12] | npy:FILE')
    .option('--model <kind>', 'ae (autoencoder, default) or rbm', oneOf(['ae', 'rbm'] as const))
    .option('--layers <sizes>', 'hidden layer sizes of the greedy stack, e.g. 256,64', integerList(1))
    .option('--epochs <n>', 'epochs per layer', integer(1))
    .option('--batch <n>', 'minibatch size', integer(1))
    .option('--lr <rate>', 'learning rate (default: the model’s own)', number(Number.MIN_VALUE))
    .option('--groups <names>', 'groups to analyse under, comma-separated: translations,d4,p4m,t2,so2,scale,se2,sim2,gl2,aff2')
    .option('--seeds <k>', 'number of seeds (seed, seed+1, ...)', integer(1))
    .option('--seed <s>', 'first seed', integer(0))
    .option('--eps <e>', `epsilon of every epsilon-stabilizer and epsilon-orbit (Lie groups and the finite groups’ centred measure), relative to ||x||; default ${ANALYSIS_DEFAULTS.eps} (Lie) and ${ANALYSIS_DEFAULTS.finiteEps} (finite)`, number(Number.MIN_VALUE))
    .option('--emergence-cosine <c>', `cosine at which a unit’s filter counts as settled (default ${ANALYSIS_DEFAULTS.emergenceCosine})`, number(0, 1))
    .option('--complexity <measure>', `primary complexity measure of C3 and C4: ${COMPLEXITY_MEASURES.join(', ')} (default compressedBytes)`, oneOf(COMPLEXITY_MEASURES))
    .option('--quick', 'tiny settings for a smoke test (seconds)')
    .option('--config <file>', 'options from a JSON or YAML file (flags override it)')
    .option('--out <dir>', 'run directory (default runs/<preset>-seeds<first>-<last>, or -seed<seed> for one seed)')
    .option('--concurrency <n>', 'seeds trained and analysed at once, each in its own process (default: the cores, at most the seeds; the results are the same)', integer(1, 256))
    .option('--quiet', 'no progress output')
    .option('--json', 'print the verdicts as JSON on stdout')
    .action(lazyAction<RunFlags>('run', cli, () => import('../commands/run.js')));
  program
    .command('seed-process', { hidden: true })
    .description('internal: trains and analyses the seeds a run sends over IPC')
    .action(lazyAction<object>('seed-process', cli, () => import('../commands/seedProcess.js')));
};
