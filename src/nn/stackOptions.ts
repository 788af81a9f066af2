import { z } from 'zod';
import { autoencoderOptionsSchema, rbmOptionsSchema, snapshotOptionsSchema } from './options.js';
import { defaultLearningRate, STACK_DEFAULTS } from './defaults.js';
import type { FitProgress } from './fitLayer.js';

/** A progress event of trainStack: which phase (layer index, or -1 for fine-tuning) and the fit loop's event. */
export interface StackProgress extends FitProgress {
  readonly layer: number;
  readonly layers: number;
  readonly phase: 'layer' | 'finetune';
}

const finite32 = z.custom<Float32Array>((v) => v instanceof Float32Array, { message: 'expected a Float32Array' });

/** Options of trainStack (zod strict: unknown keys are errors). */
export const trainStackSchema = z
  .object({
    /** Training rows, row-major [count, dim]. */
    data: finite32,
    /** Values per sample (d). */
    dim: z.number().int().min(1),
    /** Every layer size including the input: [d, h1, ..., hL], e.g. [784, 256, 64]. */
    layers: z.array(z.number().int().min(1)).min(2),
    model: z.enum(['ae', 'rbm']).default('ae'),
    epochs: z.number().int().min(1).default(STACK_DEFAULTS.epochs),
    batch: z.number().int().min(1).default(STACK_DEFAULTS.batch),
    /** Learning rate; default defaultLearningRate(model, the autoencoder's optimizer). */
    lr: z.number().positive().finite().optional(),
    seed: z.number().int().default(0),
    ae: autoencoderOptionsSchema.default(autoencoderOptionsSchema.parse({})),
    rbm: rbmOptionsSchema.default(rbmOptionsSchema.parse({})),
    /** Snapshot schedule, or false for none. */
    snapshots: z.union([snapshotOptionsSchema, z.literal(false)]).default(snapshotOptionsSchema.parse({})),
    /** Fine-tune the unrolled deep autoencoder after greedy pre-training. */
    fineTune: z
      .object({
        epochs: z.number().int().min(1),
        lr: z.number().positive().finite().optional(),
        optimizer: z.enum(['sgd', 'adam']).default(STACK_DEFAULTS.optimizer),
      })
      .strict()
      .optional(),
    /** Held-out rows [n, dim] for RBM free-energy monitoring. */
    heldOut: finite32.optional(),
    /** Minibatch steps per graph run. */
    stepsPerRun: z.number().int().min(1).max(64).default(4),
    /** ONNX Runtime threads per operator. */
    threads: z.number().int().min(1).default(2),
    /** Directory for config, checkpoints, snapshots and the model; training resumes from it. */
    runDir: z.string().min(1).optional(),
    /** Checkpoint at most this often (seconds), besides every epoch end. */
    checkpointSeconds: z.number().positive().default(60),
    /** Also checkpoint every this many steps (a config event: it fixes where runs are split). */
    checkpointEverySteps: z.number().int().min(1).optional(),
    onProgress: z.custom<(p: StackProgress) => void>((v) => typeof v === 'function').optional(),
    /** Test hook: called after each checkpoint is written (throw to simulate a kill). */
    onCheckpoint: z.custom<(info: { layer: number; epoch: number; step: number }) => void>((v) => typeof v === 'function').optional(),
  })
  .strict();

export type TrainStackOptions = z.input<typeof trainStackSchema>;
export type TrainStackSettings = z.output<typeof trainStackSchema>;

/** The JSON-serialisable part of the settings, recorded in config.json and model.json. */
export function configOf(s: TrainStackSettings, dataHash: string, count: number) {
  return {
    layers: s.layers,
    model: s.model,
    epochs: s.epochs,
    batch: s.batch,
    lr: s.lr ?? defaultLearningRate(s.model, s.ae.optimizer),
    seed: s.seed,
    ...(s.model === 'ae' ? { ae: s.ae } : { rbm: s.rbm }),
    snapshots: s.snapshots,
    fineTune: s.fineTune ?? null,
    stepsPerRun: s.stepsPerRun,
    threads: s.threads,
    checkpointEverySteps: s.checkpointEverySteps ?? null,
    data: { count, dim: s.dim, sha256: dataHash },
    heldOut: s.heldOut ? s.heldOut.length / s.dim : 0,
  };
}
export type StackConfig = ReturnType<typeof configOf>;
