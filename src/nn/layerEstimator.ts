import { z } from 'zod';
import { UserError, parseOptions } from '../core/index.js';
import type { EpochRecord } from './fitLayer.js';
import { snapshotOptionsSchema } from './options.js';
import { STACK_DEFAULTS } from './defaults.js';
import type { LayerWeights, Snapshot } from './runStore.js';
import { trainStack, type TrainedStack } from './trainStack.js';

/** Options every single-layer estimator shares. */
export const commonEstimatorShape = {
  hidden: z.number().int().min(1),
  epochs: z.number().int().min(1).default(STACK_DEFAULTS.epochs),
  batch: z.number().int().min(1).default(STACK_DEFAULTS.batch),
  lr: z.number().positive().finite().optional(),
  seed: z.number().int().default(0),
  snapshots: z.union([snapshotOptionsSchema, z.literal(false)]).default(false),
  stepsPerRun: z.number().int().min(1).max(64).default(4),
  threads: z.number().int().min(1).default(2),
};

type CommonEstimatorSettings = z.output<z.ZodObject<typeof commonEstimatorShape>>;

/** Thrown by methods that need a fitted estimator. */
export class NotFittedError extends UserError {
  constructor(cls: string, method: string) {
    super(`${cls}.${method}: the model is not fitted yet; call fit(x, dim) first`);
    this.name = 'NotFittedError';
  }
}

/**
 * The estimator contract (scikit-learn style): the constructor validates and stores options
 * only; fit(x, dim) trains and returns this; learned state lives apart and methods before fit
 * throw NotFittedError; getConfig()/fromConfig() round-trip the options.
 */
export abstract class LayerEstimator<O extends CommonEstimatorSettings & Record<string, unknown>> {
  readonly options: O;
  private fitted: TrainedStack | null = null;

  protected constructor(
    private readonly where: string,
    private readonly model: 'ae' | 'rbm',
    schema: z.ZodType<O>,
    options: unknown,
  ) {
    this.options = parseOptions(where, schema, options) as O;
  }

  /** Train on rows x [n, dim]; returns this. */
  async fit(x: Float32Array, dim: number): Promise<this> {
    // the common options go to trainStack itself, the rest are the model's own (ae or rbm)
    const { hidden, epochs, batch, lr, seed, snapshots, stepsPerRun, threads, ...own } = this.options;
    this.fitted = await trainStack({ data: x, dim, layers: [dim, hidden], model: this.model, epochs, batch, ...(lr !== undefined ? { lr } : {}), seed, snapshots, stepsPerRun, threads, [this.model]: own });
    return this;
  }

  private get state(): TrainedStack {
    if (!this.fitted) throw new NotFittedError(this.where, 'weights');
    return this.fitted;
  }

  /** Learned weights: W [hidden, dim], b [hidden], c [dim] (V [dim, hidden] if untied). */
  get weights(): LayerWeights {
    return this.state.layers[0].weights;
  }

  /** Per-epoch loss (and monitoring numbers). */
  get history(): readonly EpochRecord[] {
    return this.state.layers[0].history;
  }

  /** Snapshots taken during fit (empty unless the snapshots option asks for them). */
  get snapshots(): readonly Snapshot[] {
    return this.state.snapshots;
  }

  /** Hidden mean activations of rows x [n, dim]: [n, hidden]. */
  transform(x: Float32Array): Promise<Float32Array> {
    if (!this.fitted) throw new NotFittedError(this.where, 'transform');
    return this.fitted.encode(x);
  }

  /** The options as plain JSON, for reports and fromConfig. */
  getConfig(): O {
    return JSON.parse(JSON.stringify(this.options)) as O;
  }
}
