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
    super('Rbm', schema, options);
  }

  static fromConfig(config: RbmEstimatorOptions): Rbm {
    return new Rbm(config);
  }

  protected stackOptions(x: Float32Array, dim: number) {
    const { hidden, epochs, batch, lr, seed, snapshots, stepsPerRun, threads, ...rbm } = this.options;
    return { data: x, dim, layers: [dim, hidden], model: 'rbm' as const, epochs, batch, ...(lr !== undefined ? { lr } : {}), seed, snapshots, stepsPerRun, threads, rbm };
  }
}
