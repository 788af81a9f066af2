import { makeOutputDirectory } from '../../core/outputs.js';
import { importStack, saveModel } from '../../nn/modelFile.js';
import { importSpecs } from '../../nn/importSpecs.js';
import type { Action } from '../program.js';

export interface ImportCliOptions {
  weights: string[];
  bias?: string[];
  activation?: string;
  transpose?: boolean;
  out: string;
}

/** The library's argument names that this command spells differently as flags. */
export const inputFlags = { biases: '--bias', activations: '--activation', specs: '--weights' } as const;

/** `orbitscope import`: a stack of dense layers from .npy/safetensors written as a model directory. */
export const handle: Action<ImportCliOptions> = async (o, _args, io) => {
  const specs = importSpecs({
    weights: o.weights,
    biases: o.bias,
    activations: o.activation?.split(',').map((s) => s.trim()),
    transpose: o.transpose,
  });
  const model = importStack(specs);
  makeOutputDirectory('--out', o.out);
  saveModel(o.out, model);
  io.out(`${model.layers.map((l, i) => `layer ${i + 1}: ${l.weights.shape[1]} -> ${l.weights.shape[0]} ${l.activation}`).join('\n')}\n`);
  io.err(`wrote ${o.out} (model.json, model.bin, encoder.onnx)\n`);
};
