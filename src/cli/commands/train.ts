import { InvalidArgumentError, type Command } from 'commander';
import { loadDataset } from '../../data/loadDataset.js';
import { progressReporter } from '../../nn/progress.js';
import { trainStack } from '../../nn/trainStack.js';
import { inOutputDirectory } from '../../core/outputs.js';
import type { TrainStackOptions } from '../../nn/stackOptions.js';
import { action, processIo, type Cli, type Io } from '../program.js';
import { integer, integerList, number, oneOf } from '../parse.js';

interface TrainOptions {
  data: string;
  model: 'ae' | 'rbm';
  layers: number[];
  epochs: number;
  batch: number;
  lr?: number;
  seed: number;
  out?: string;
  quiet?: boolean;
  json?: boolean;
  encoder: 'sigmoid' | 'tanh' | 'relu' | 'linear';
  decoder: 'sigmoid' | 'tanh' | 'relu' | 'linear';
  untied?: boolean;
  loss: 'mse' | 'bce';
  noise: 'none' | 'mask' | 'gaussian';
  noiseLevel: number;
  sparsity: number;
  sparsityTarget: number;
  weightDecay?: number;
  optimizer: 'sgd' | 'adam';
  momentum?: number;
  visible: 'bernoulli' | 'gaussian';
  cdK: number;
  persistent?: boolean;
  snapshotsPerDecade: number;
  snapshotSteps?: number[];
  epochSnapshots: boolean;
  snapshots: boolean;
  fineTuneEpochs?: number;
  fineTuneLr?: number;
  stepsPerRun: number;
  threads: number;
  checkpointSeconds: number;
}

const ACT = ['sigmoid', 'tanh', 'relu', 'linear'] as const;

/** commander value parser for a positive finite number (rates). */
function positive(value: string): number {
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x <= 0) throw new InvalidArgumentError(`expected a positive number, got "${value}"`);
  return x;
}

/** Build trainStack options from the parsed command line (exported for tests). */
export function trainOptionsFromCli(o: TrainOptions, data: Float32Array, dim: number, io: Io): TrainStackOptions {
  const tty = !o.quiet && io === processIo && process.stderr.isTTY ? process.stderr : null;
  return {
    data,
    dim,
    layers: [dim, ...o.layers],
    model: o.model,
    epochs: o.epochs,
    batch: o.batch,
    ...(o.lr !== undefined ? { lr: o.lr } : {}),
    seed: o.seed,
    ae: {
      encoder: o.encoder,
      decoder: o.decoder,
      tied: !o.untied,
      loss: o.loss,
      noise: o.noise,
      noiseLevel: o.noiseLevel,
      sparsityWeight: o.sparsity,
      sparsityTarget: o.sparsityTarget,
      weightDecay: o.weightDecay ?? 0,
      optimizer: o.optimizer,
      ...(o.momentum !== undefined ? { momentum: o.momentum } : {}),
    },
    rbm: {
      visible: o.visible,
      k: o.cdK,
      persistent: !!o.persistent,
      ...(o.weightDecay !== undefined ? { weightDecay: o.weightDecay } : {}),
      ...(o.momentum !== undefined ? { momentum: o.momentum } : {}),
    },
    snapshots: o.snapshots ? { perDecade: o.snapshotsPerDecade, everyEpoch: o.epochSnapshots, ...(o.snapshotSteps ? { steps: o.snapshotSteps } : {}) } : false,
    ...(o.fineTuneEpochs ? { fineTune: { epochs: o.fineTuneEpochs, ...(o.fineTuneLr ? { lr: o.fineTuneLr } : {}) } } : {}),
    stepsPerRun: o.stepsPerRun,
    threads: o.threads,
    checkpointSeconds: o.checkpointSeconds,
    runDir: o.out ?? `runs/train-${o.model}-seed${o.seed}`,
    ...(o.quiet ? {} : { onProgress: progressReporter({ tty, line: (t) => io.err(`${t}\n`) }) }),
  };
}

/** `orbitscope train`: greedy layer-wise pre-training of an autoencoder or RBM stack. */
export function registerTrain(program: Command, cli: Cli): void {
  program
    .command('train')
    .description('Train a stack of autoencoders or RBMs layer by layer, with snapshots and checkpoints; rerun the same command to resume.')
    .option('--data <spec>', 'dataset spec: shapes[:n=16,count=20000,...] | mnist | idx:IMAGES[,LABELS] | natural:DIR[,patch=12,...] | npy:FILE', 'shapes')
    .option('--model <kind>', 'ae (autoencoder) or rbm', oneOf(['ae', 'rbm'] as const), 'ae')
    .option('--layers <sizes>', 'hidden layer sizes, input first excluded, e.g. 256,64', integerList(1), [256])
    .option('--epochs <n>', 'epochs per layer', integer(1), 10)
    .option('--batch <n>', 'minibatch size', integer(1), 64)
    .option('--lr <rate>', 'learning rate (default 0.1 for ae, 0.05 for rbm)', positive)
    .option('--seed <n>', 'random seed: same seed, same weights', integer(0), 0)
    .option('--out <dir>', 'run directory (config, checkpoint, snapshots/, model.json, model.bin, encoder.onnx); default runs/train-<model>-seed<seed>')
    .option('--quiet', 'no progress output')
    .option('--json', 'print the summary as JSON on stdout')
    .option('--encoder <f>', 'ae: encoder activation (sigmoid, tanh, relu, linear)', oneOf(ACT), 'sigmoid')
    .option('--decoder <g>', 'ae: decoder activation (sigmoid, tanh, relu, linear)', oneOf(ACT), 'sigmoid')
    .option('--untied', 'ae: separate decoder weights instead of W transposed')
    .option('--loss <kind>', 'ae: mse or bce (binary cross-entropy, needs the sigmoid decoder and data in [0, 1])', oneOf(['mse', 'bce'] as const), 'bce')
    .option('--noise <kind>', 'ae: denoising corruption: none, mask (zero pixels) or gaussian', oneOf(['none', 'mask', 'gaussian'] as const), 'none')
    .option('--noise-level <x>', 'ae: masking probability or Gaussian standard deviation', number(0), 0.25)
    .option('--sparsity <beta>', 'ae: weight of the KL sparsity penalty (0 = off)', number(0), 0)
    .option('--sparsity-target <rho>', 'ae: target mean activation of the sparsity penalty', number(1e-6, 1 - 1e-6), 0.05)
    .option('--weight-decay <lambda>', 'L2 weight cost (default 0 for ae, 0.0002 for rbm)', number(0))
    .option('--optimizer <name>', 'ae: sgd (with momentum) or adam', oneOf(['sgd', 'adam'] as const), 'sgd')
    .option('--momentum <mu>', 'momentum (default 0.5 for ae; rbm: 0.5 for 5 epochs, then 0.9)', number(0, 0.999999))
    .option('--visible <kind>', 'rbm: bernoulli or gaussian (unit variance; standardise the data) visible units', oneOf(['bernoulli', 'gaussian'] as const), 'bernoulli')
    .option('--cd-k <k>', 'rbm: Gibbs steps of contrastive divergence', integer(1), 1)
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
    .action(
      action<TrainOptions>('train', cli, async (o, _args, io) => {
        const dataset = await loadDataset(o.data, { warn: (m) => io.err(`warning: ${m}`) });
        const data = dataset.pixels;
        const dim = dataset.height * dataset.width;
        const opts = trainOptionsFromCli(o, data, dim, io);
        const r = await inOutputDirectory('--out', opts.runDir!, () => trainStack(opts));
        const summary = {
          runDir: r.runDir,
          model: r.kind,
          layers: [dim, ...o.layers],
          finalLoss: r.layers.map((l) => l.history[l.history.length - 1]?.loss ?? null),
          fineTunedLoss: r.fineTuned ? (r.fineTuned[0].history.at(-1)?.loss ?? null) : null,
          snapshots: r.snapshots.length,
        };
        if (o.json) io.out(JSON.stringify(summary));
        else io.out(`trained ${summary.model} ${summary.layers.join('-')} into ${summary.runDir}: final loss per layer ${summary.finalLoss.map((x) => (x === null ? '-' : x.toFixed(4))).join(', ')}; ${summary.snapshots} snapshots`);
      }),
    );
}
