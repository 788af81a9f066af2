import { loadDataset } from '../../data/loadDataset.js';
import { progressReporter } from '../../nn/progress.js';
import { trainStack } from '../../nn/trainStack.js';
import { inOutputDirectory } from '../../core/outputs.js';
import type { TrainStackOptions } from '../../nn/stackOptions.js';
import { processIo, type Action, type Io } from '../program.js';

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
export const handle: Action<TrainOptions> = async (o, _args, io) => {
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
};
