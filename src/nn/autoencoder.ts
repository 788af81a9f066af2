import { z } from 'zod';
import { commonEstimatorShape, LayerEstimator } from './layerEstimator.js';
import { autoencoderOptionsSchema } from './options.js';

const schema = autoencoderOptionsSchema.extend(commonEstimatorShape).strict();
export type AutoencoderEstimatorOptions = z.input<typeof schema>;
export type AutoencoderEstimatorSettings = z.output<typeof schema>;

/**
 * One autoencoder layer h = f(Wx + b), x' = g(W'h + c) (W' = W^T when tied) as an estimator:
 * `await new Autoencoder({ hidden: 256, epochs: 5 }).fit(x, 784)`, then `.weights`,
 * `.transform(x)`. Options: every autoencoder option of trainStack plus hidden, epochs, batch,
 * lr (default 0.1), seed, snapshots (default none), stepsPerRun, threads.
 */
export class Autoencoder extends LayerEstimator<AutoencoderEstimatorSettings> {
  constructor(options: AutoencoderEstimatorOptions) {
    super('Autoencoder', 'ae', schema, options);
  }

  static fromConfig(config: AutoencoderEstimatorOptions): Autoencoder {
    return new Autoencoder(config);
  }
}
