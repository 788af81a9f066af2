import type { Dataset } from '../data/dataset.js';
import { trainStack } from '../nn/trainStack.js';
import { defaultLearningRate, lossForData } from '../nn/defaults.js';
import { lossRiseTracker } from '../nn/lossRises.js';
import { readSnapshots } from '../nn/runStore.js';
import type { TrainedSeed } from '../analysis/trainedStack.js';
import type { RunConfig } from './config.js';
import { trainedSeedOf } from './trainedSeed.js';
import { keepSnapshots, seedDirectories } from './runDirectory.js';

/** Model options that suit the data's value range: BCE on [0, 1] data, MSE with a linear decoder otherwise (shared with `train`: nn/defaults.ts). */
export function modelOptions(data: Dataset, config: RunConfig) {
  const { loss, decoder, unit } = lossForData(data.pixels);
  const common = { optimizer: config.optimizer, weightDecay: config.weightDecay };
  return config.model === 'ae'
    ? { ae: { ...common, sparsityWeight: config.sparsity, loss, decoder } }
    : { rbm: { weightDecay: config.weightDecay, visible: unit ? ('bernoulli' as const) : ('gaussian' as const) } };
}

/** The learning rate a run uses: the config's, else the trainer's default for the optimiser (Adam wants 0.01). */
export function learningRate(config: RunConfig): number {
  return config.lr ?? defaultLearningRate(config.model, config.optimizer);
}

/**
 * Train one seed's greedy stack on the training rows (checkpoints and snapshots in the run
 * directory, so a killed run resumes) and return its analysis view.
 */
export async function trainSeed(data: Dataset, trainRows: Float32Array, config: RunConfig, seed: number, out: string, log: (line: string) => void): Promise<TrainedSeed> {
  const n = data.height * data.width;
  const dirs = seedDirectories(out, seed);
  const rose = lossRiseTracker();
  const trained = await trainStack({
    data: trainRows,
    dim: n,
    layers: [n, ...config.layers],
    model: config.model,
    epochs: config.epochs,
    batch: config.batch,
    lr: learningRate(config),
    seed,
    ...modelOptions(data, config),
    // log-spaced steps (the first epoch in detail) and every epoch end, which includes the last step
    snapshots: { perDecade: config.snapshotsPerDecade, everyEpoch: true },
    runDir: dirs.checkpoints,
    onProgress: (p) => {
      if (!p.epochDone) return;
      // flag a loss that rose since the previous epoch of the same layer
      const before = rose(`${p.phase}/${p.layer}`, p.epochDone.loss);
      const note = before === null ? '' : ` (note: the loss rose from ${before.toFixed(4)}; not decreasing)`;
      log(`seed ${seed} layer ${p.layer + 1}/${p.layers} epoch ${p.epochDone.epoch}/${p.epochs} loss ${p.epochDone.loss.toFixed(4)}${note}`);
    },
  });
  keepSnapshots(dirs);
  const snapshots = trained.snapshots.length ? trained.snapshots : readSnapshots(dirs.snapshots);
  return trainedSeedOf(seed, trained, snapshots);
}

/**
 * The linear twin of a seed's first layer: a one-layer tied autoencoder with linear encoder and
 * decoder, squared error and no sparsity, of the same width, trained by the same engine with the
 * same seed, rows, epochs, batch, optimiser, learning rate, weight decay and snapshot schedule.
 * Only what makes the network nonlinear differs (cross-entropy needs outputs in [0, 1], sparsity
 * needs sigmoid rates). Its optimum is PCA, so it learns spectral ordering and nothing else (Saxe,
 * McClelland & Ganguli 2014). It is cheap and deterministic, so it is retrained rather than
 * checkpointed (writing its snapshots cost more than training it). (src/experiments/linearTwin.ts
 * trains the same network for C2 but keeps only W; the claims need biases too, to reconstruct.)
 */
export async function trainLinearTwinSeed(data: Dataset, trainRows: Float32Array, config: RunConfig, seed: number): Promise<TrainedSeed> {
  const n = data.height * data.width;
  const trained = await trainStack({
    data: trainRows,
    dim: n,
    layers: [n, config.layers[0]],
    model: 'ae',
    epochs: config.epochs,
    batch: config.batch,
    lr: learningRate({ ...config, model: 'ae' }),
    seed,
    ae: { encoder: 'linear', decoder: 'linear', loss: 'mse', sparsityWeight: 0, optimizer: config.optimizer, weightDecay: config.weightDecay },
    snapshots: { perDecade: config.snapshotsPerDecade, everyEpoch: true },
  });
  return trainedSeedOf(seed, trained, trained.snapshots);
}
