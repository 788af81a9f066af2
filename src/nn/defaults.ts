/**
 * The training defaults that `orbitscope train` and `orbitscope run` share, so a model trained
 * with `train` and analysed with `analyze` is the model `run` analyses. Adam with 0.01, a KL
 * sparsity penalty of weight 3 (target activation 0.05) and L2 decay 1e-3 are what the run's
 * claims were calibrated with; the loss and decoder follow the data's value range.
 */
export const TRAINING_DEFAULTS = {
  optimizer: 'adam',
  /** Autoencoder sparsity weight (sigmoid encoders only). */
  sparsity: 3,
  weightDecay: 1e-3,
  batch: 32,
} as const;

/** The default learning rate: the config's own, else 0.05 for RBMs, 0.01 for Adam, 0.1 for SGD. */
export function defaultLearningRate(model: 'ae' | 'rbm', optimizer: 'sgd' | 'adam'): number {
  return model === 'rbm' ? 0.05 : optimizer === 'adam' ? 0.01 : 0.1;
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
