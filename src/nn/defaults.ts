/**
 * The training recipe that `orbitscope train` and `orbitscope run` share, so a model trained
 * with `train` and analysed with `analyze` is the model `run` analyses. Adam with 0.01, a KL
 * sparsity penalty of weight 3 (target activation 0.05) and L2 decay 1e-3 are what the run's
 * claims were calibrated with; the loss and decoder follow the data's value range. The config
 * schema (experiments/config.ts), the train command and both commands' --help read these.
 */
export const TRAINING_DEFAULTS = {
  optimizer: 'adam',
  /** Autoencoder sparsity weight (sigmoid encoders only). */
  sparsity: 3,
  weightDecay: 1e-3,
  batch: 32,
  epochs: 10,
} as const;

/**
 * The library's own defaults (trainStack, Autoencoder, Rbm), a different thing from the run's
 * recipe above: plain minibatch SGD with momentum, no sparsity and no decay for autoencoders
 * (Hinton 2010's recommendations for RBMs), assuming nothing about the data. Callers that want
 * the run's recipe pass TRAINING_DEFAULTS' values, as `train` and `run` do.
 */
export const STACK_DEFAULTS = {
  optimizer: 'sgd',
  batch: 64,
  epochs: 10,
  /** Autoencoder options whose defaults both recipes share. */
  sparsityTarget: 0.05,
  noiseLevel: 0.25,
  momentum: 0.5,
} as const;

/** Learning rates by model and optimiser: RBMs 0.05 (CD-k with momentum), autoencoders 0.01 with Adam, 0.1 with SGD. */
export const LEARNING_RATES = { rbm: 0.05, adam: 0.01, sgd: 0.1 } as const;

/** The default learning rate of a model and optimiser (LEARNING_RATES), when none is given. */
export function defaultLearningRate(model: 'ae' | 'rbm', optimizer: 'sgd' | 'adam'): number {
  return model === 'rbm' ? LEARNING_RATES.rbm : LEARNING_RATES[optimizer];
}

/** Loss and decoder that suit the data: BCE with a sigmoid decoder on [0, 1] data, MSE with a linear decoder otherwise. */
export function lossForData(data: ArrayLike<number>): { loss: 'bce' | 'mse'; decoder: 'sigmoid' | 'linear'; unit: boolean } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const unit = lo >= 0 && hi <= 1;
  return unit ? { loss: 'bce', decoder: 'sigmoid', unit } : { loss: 'mse', decoder: 'linear', unit };
}
