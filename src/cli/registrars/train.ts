import type { Command } from 'commander';
import { lazyAction, type Cli, type Registrar } from '../program.js';
import { integer, integerList, number, oneOf, positive } from '../parse.js';
import type { TrainOptions } from '../commands/train.js';
import { LEARNING_RATES, STACK_DEFAULTS, TRAINING_DEFAULTS } from '../../nn/defaults.js';

const ACT = ['sigmoid', 'tanh', 'relu', 'linear'] as const;

/** `orbitscope train`: greedy layer-wise pre-training of an autoencoder or RBM stack. */
export const train: Registrar = (program: Command, cli: Cli) => {
  program
    .command('train')
    .description('Train a stack of autoencoders or RBMs layer by layer, with snapshots and checkpoints; rerun the same command to resume.')
    .option('--data <spec>', 'dataset spec: shapes[:n=16,count=20000,...] | mnist | idx:IMAGES[,LABELS] | natural:DIR[,patch=12,...] | npy:FILE', 'shapes')
    .option('--model <kind>', 'ae (autoencoder) or rbm', oneOf(['ae', 'rbm'] as const), 'ae')
    .option('--layers <sizes>', 'hidden layer sizes, input first excluded, e.g. 256,64', integerList(1), [256])
    .option('--epochs <n>', 'epochs per layer', integer(1), TRAINING_DEFAULTS.epochs)
    .option('--batch <n>', 'minibatch size', integer(1), TRAINING_DEFAULTS.batch)
    .option('--lr <rate>', `learning rate (default ${LEARNING_RATES.adam} with adam, ${LEARNING_RATES.sgd} with sgd, ${LEARNING_RATES.rbm} for rbm)`, positive)
    .option('--seed <n>', 'random seed: same seed, same weights', integer(0), 0)
    .option('--out <dir>', 'run directory (config, checkpoint, snapshots/, model.json, model.bin, encoder.onnx); default runs/train-<model>-seed<seed>')
    .option('--quiet', 'no progress output')
    .option('--json', 'print the summary as JSON on stdout')
    .option('--encoder <f>', 'ae: encoder activation (sigmoid, tanh, relu, linear; default sigmoid)', oneOf(ACT))
    .option('--decoder <g>', 'ae: decoder activation (sigmoid, tanh, relu, linear; default sigmoid for data in [0, 1], else linear)', oneOf(ACT))
    .option('--untied', 'ae: separate decoder weights instead of W transposed')
    .option('--loss <kind>', 'ae: mse or bce (binary cross-entropy, needs the sigmoid decoder and data in [0, 1]; the default there, else mse)', oneOf(['mse', 'bce'] as const))
    .option('--noise <kind>', 'ae: denoising corruption: none (default), mask (zero pixels) or gaussian', oneOf(['none', 'mask', 'gaussian'] as const))
    .option('--noise-level <x>', `ae: masking probability or Gaussian standard deviation (default ${STACK_DEFAULTS.noiseLevel})`, number(0))
    .option('--sparsity <beta>', `ae: weight of the KL sparsity penalty (0 = off; default ${TRAINING_DEFAULTS.sparsity} with the sigmoid encoder, as run)`, number(0))
    .option('--sparsity-target <rho>', `ae: target mean activation of the sparsity penalty (default ${STACK_DEFAULTS.sparsityTarget})`, number(1e-6, 1 - 1e-6))
    .option('--weight-decay <lambda>', `L2 weight cost (default ${TRAINING_DEFAULTS.weightDecay}, as run)`, number(0))
    .option('--optimizer <name>', `ae: adam or sgd (with momentum); default ${TRAINING_DEFAULTS.optimizer}, as run`, oneOf(['sgd', 'adam'] as const))
    .option('--momentum <mu>', `momentum (default ${STACK_DEFAULTS.momentum} for ae; rbm: 0.5 for 5 epochs, then 0.9)`, number(0, 0.999999))
    .option('--visible <kind>', 'rbm: bernoulli (default for data in [0, 1]) or gaussian (unit variance; standardise the data) visible units', oneOf(['bernoulli', 'gaussian'] as const))
    .option('--cd-k <k>', 'rbm: Gibbs steps of contrastive divergence (default 1)', integer(1))
    .option('--persistent', 'rbm: persistent contrastive divergence')
    .option('--snapshots-per-decade <n>', 'log-spaced weight snapshots per factor of ten of steps (0 = none)', integer(0), 4)
    .option('--snapshot-steps <steps>', 'snapshot exactly at these steps (replaces the log-spaced schedule)', integerList(0))
    .option('--no-epoch-snapshots', 'no snapshot at the end of every epoch')
    .option('--no-snapshots', 'no snapshots at all')
    .option('--fine-tune-epochs <n>', 'fine-tune the unrolled deep autoencoder for this many epochs after pre-training', integer(1))
    .option('--fine-tune-lr <rate>', 'learning rate of fine-tuning (default: --lr)', positive)
    .option('--steps-per-run <k>', 'minibatch steps unrolled into one graph run (speed only)', integer(1, 64), 4)
    .option('--threads <n>', 'ONNX Runtime threads (part of the configuration: it can change the last bits)', integer(1), 2)
    .option('--checkpoint-seconds <s>', 'checkpoint at most this often, besides every epoch end', number(1), 60)
    .action(lazyAction<TrainOptions>('train', cli, () => import('../commands/train.js')));
};
