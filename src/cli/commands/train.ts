import { loadDataset } from '../../data/loadDataset.js';
import { UserError } from '../../core/errors.js';
import { defaultLearningRate, lossForData, STACK_DEFAULTS, TRAINING_DEFAULTS } from '../../nn/defaults.js';
import { estimateRunBytes, largeRunWarning } from '../../nn/runSize.js';
import { progressReporter } from '../trainProgress.js';
import { trainStack } from '../../nn/trainStack.js';
import { inOutputDirectory } from '../../core/outputs.js';
import type { TrainStackOptions } from '../../nn/stackOptions.js';
import { processIo, type Action, type Io } from '../program.js';
import { refuseInapplicable } from '../parse.js';

export interface TrainOptions {
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
  encoder?: 'sigmoid' | 'tanh' | 'relu' | 'linear';
  decoder?: 'sigmoid' | 'tanh' | 'relu' | 'linear';
  untied?: boolean;
  loss?: 'mse' | 'bce';
  noise?: 'none' | 'mask' | 'gaussian';
  noiseLevel?: number;
  sparsity?: number;
  sparsityTarget?: number;
  weightDecay?: number;
  optimizer?: 'sgd' | 'adam';
  momentum?: number;
  visible?: 'bernoulli' | 'gaussian';
  cdK?: number;
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

const AE_ONLY = { encoder: '--encoder', decoder: '--decoder', untied: '--untied', loss: '--loss', noise: '--noise', noiseLevel: '--noise-level', sparsity: '--sparsity', sparsityTarget: '--sparsity-target', optimizer: '--optimizer' } as const;
const RBM_ONLY = { visible: '--visible', cdK: '--cd-k', persistent: '--persistent' } as const;

/** An option of the other model kind would be silently ignored: refuse it, naming it. */
function refuseOtherModelsOptions(o: TrainOptions): void {
  if (o.model === 'rbm') refuseInapplicable(o, AE_ONLY, 'autoencoders (--model ae)', '--model rbm');
  else refuseInapplicable(o, RBM_ONLY, 'RBMs (--model rbm)', `--model ${o.model}`);
}

/** Build trainStack options from the parsed command line (exported for tests). */
export function trainOptionsFromCli(o: TrainOptions, data: Float32Array, dim: number, io: Io): TrainStackOptions {
  const tty = !o.quiet && io === processIo && process.stderr.isTTY ? process.stderr : null;
  refuseOtherModelsOptions(o);
  // the defaults of `orbitscope run` (nn/defaults.ts): Adam 0.01, sparsity 3, decay 1e-3, loss by data range
  const fit = lossForData(data);
  const unit = fit.unit;
  const encoder = o.encoder ?? 'sigmoid';
  const decoder = o.decoder ?? (o.loss === 'mse' ? 'linear' : fit.decoder);
  const loss = o.loss ?? (decoder === 'sigmoid' && unit ? 'bce' : 'mse');
  const optimizer = o.optimizer ?? TRAINING_DEFAULTS.optimizer;
  if (o.model === 'ae' && loss === 'bce' && decoder !== 'sigmoid') throw new UserError(`--loss bce: needs --decoder sigmoid (got ${decoder})`);
  if (o.model === 'ae' && o.sparsity !== undefined && o.sparsity > 0 && encoder !== 'sigmoid') throw new UserError(`--sparsity ${o.sparsity}: needs --encoder sigmoid (got ${encoder})`);
  return {
    data,
    dim,
    layers: [dim, ...o.layers],
    model: o.model,
    epochs: o.epochs,
    batch: o.batch,
    lr: o.lr ?? defaultLearningRate(o.model, optimizer),
    seed: o.seed,
    ae: {
      encoder,
      decoder,
      tied: !o.untied,
      loss,
      noise: o.noise ?? 'none',
      noiseLevel: o.noiseLevel ?? STACK_DEFAULTS.noiseLevel,
      sparsityWeight: o.sparsity ?? (encoder === 'sigmoid' ? TRAINING_DEFAULTS.sparsity : 0),
      sparsityTarget: o.sparsityTarget ?? STACK_DEFAULTS.sparsityTarget,
      weightDecay: o.weightDecay ?? TRAINING_DEFAULTS.weightDecay,
      optimizer,
      ...(o.momentum !== undefined ? { momentum: o.momentum } : {}),
    },
    rbm: {
      visible: o.visible ?? (unit ? 'bernoulli' : 'gaussian'),
      k: o.cdK ?? 1,
      persistent: !!o.persistent,
      weightDecay: o.weightDecay ?? TRAINING_DEFAULTS.weightDecay,
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
export const handle: Action<TrainOptions> = async (o, _args, io) => {
  const dataset = await loadDataset(o.data, { warn: (m) => io.err(`warning: ${m}`) });
  const data = dataset.pixels;
  const dim = dataset.height * dataset.width;
  const opts = trainOptionsFromCli(o, data, dim, io);
  const bytes = estimateRunBytes({ layers: [dim, ...o.layers], count: dataset.count, batch: o.batch, epochs: o.epochs, untied: !!o.untied, snapshots: opts.snapshots === false ? false : { perDecade: o.snapshotsPerDecade, everyEpoch: o.epochSnapshots, ...(o.snapshotSteps ? { steps: o.snapshotSteps } : {}) } });
  const warning = largeRunWarning(bytes, opts.runDir!, [dim, ...o.layers]);
  if (warning) io.err(warning);
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
};
