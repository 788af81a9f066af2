import { z } from 'zod';
import { commonEstimatorShape, LayerEstimator } from './layerEstimator.js';
import { rbmOptionsSchema } from './options.js';

const schema = rbmOptionsSchema.extend(commonEstimatorShape).strict();
export type RbmEstimatorOptions = z.input<typeof schema>;
export type RbmEstimatorSettings = z.output<typeof schema>;

/**
 * One restricted Boltzmann machine (Bernoulli or Gaussian visibles, CD-k or PCD) as an
 * estimator: `await new Rbm({ hidden: 256 }).fit(x, 784)`, then `.weights`, `.history`
 * (reconstruction error, free energy, pseudo-likelihood per epoch), `.transform(x)` (hidden
 * probabilities). lr defaults to 0.05.
 */
export class Rbm extends LayerEstimator<RbmEstimatorSettings> {
  constructor(options: RbmEstimatorOptions) {
    super('Rbm', 'rbm', schema, options);
  }

  static fromConfig(config: RbmEstimatorOptions): Rbm {
    return new Rbm(config);
  }
}
