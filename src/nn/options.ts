import { z } from 'zod';
import { STACK_DEFAULTS } from './defaults.js';

const activation = z.enum(['sigmoid', 'tanh', 'relu', 'linear']);
const positive = z.number().positive().finite();

/** Autoencoder options of one layer (defaults train well on MNIST-like data in [0, 1]). */
export const autoencoderOptionsSchema = z
  .object({
    encoder: activation.default('sigmoid'),
    decoder: activation.default('sigmoid'),
    tied: z.boolean().default(true),
    loss: z.enum(['mse', 'bce']).default('bce'),
    noise: z.enum(['none', 'mask', 'gaussian']).default('none'),
    /** Masking: probability of zeroing a pixel; Gaussian: standard deviation. */
    noiseLevel: z.number().min(0).finite().default(STACK_DEFAULTS.noiseLevel),
    sparsityTarget: z.number().gt(0).lt(1).default(STACK_DEFAULTS.sparsityTarget),
    /** beta; 0 = no sparsity penalty. */
    sparsityWeight: z.number().min(0).finite().default(0),
    weightDecay: z.number().min(0).finite().default(0),
    optimizer: z.enum(['sgd', 'adam']).default(STACK_DEFAULTS.optimizer),
    momentum: z.number().min(0).lt(1).default(STACK_DEFAULTS.momentum),
    beta1: z.number().min(0).lt(1).default(0.9),
    beta2: z.number().min(0).lt(1).default(0.999),
    epsilon: positive.default(1e-8),
  })
  .strict();

/** RBM options of one layer (Hinton 2010's recommendations as defaults). */
export const rbmOptionsSchema = z
  .object({
    visible: z.enum(['bernoulli', 'gaussian']).default('bernoulli'),
    k: z.number().int().min(1).default(1),
    persistent: z.boolean().default(false),
    /** Sample visible states in the chain; default: only for persistent chains. */
    sampleVisible: z.boolean().optional(),
    weightDecay: z.number().min(0).finite().default(0.0002),
    momentum: z.number().min(0).lt(1).default(0.9),
    initialMomentum: z.number().min(0).lt(1).default(0.5),
    /** Epochs that use initialMomentum before momentum (Hinton 2010, sec. 9: 5). */
    momentumSwitchEpoch: z.number().int().min(0).default(5),
  })
  .strict();

/** When to take snapshots of the weights. */
export const snapshotOptionsSchema = z
  .object({
    /** Explicit global steps (per layer, 0 = initial weights); replaces the log-spaced default. */
    steps: z.array(z.number().int().min(0)).optional(),
    /** Log-spaced steps 0, 1, 2, 3, 6, 10, ...: this many per factor of ten (0 = none). */
    perDecade: z.number().int().min(0).default(4),
    /** Also at the end of every epoch. */
    everyEpoch: z.boolean().default(true),
  })
  .strict();

export type AutoencoderOptions = z.input<typeof autoencoderOptionsSchema>;
export type AutoencoderSettings = z.output<typeof autoencoderOptionsSchema>;
export type RbmOptions = z.input<typeof rbmOptionsSchema>;
export type RbmSettings = z.output<typeof rbmOptionsSchema>;
export type SnapshotOptions = z.input<typeof snapshotOptionsSchema>;
export type SnapshotSettings = z.output<typeof snapshotOptionsSchema>;

/** Sorted unique snapshot steps in [0, total]: the explicit list, or round(10^(i/perDecade)) and 0. */
export function snapshotSteps(s: SnapshotSettings, total: number): number[] {
  const set = new Set<number>();
  if (s.steps) {
    for (const x of s.steps) if (x <= total) set.add(x);
  } else if (s.perDecade > 0) {
    set.add(0);
    for (let i = 0; ; i++) {
      const x = Math.round(10 ** (i / s.perDecade));
      if (x > total) break;
      set.add(x);
    }
  }
  return [...set].sort((a, b) => a - b);
}
