import { existsSync, readFileSync } from 'node:fs';
import { InvalidInputError } from '../core/errors.js';
import { ACTIVATIONS, type Activation } from './graphOps.js';
import type { ImportLayerSpec } from './modelFile.js';
import { parseSafetensors } from './safetensors.js';

/** What `orbitscope import` was given. */
export interface ImportArguments {
  /** Per layer `FILE.npy` or `FILE.safetensors:name`; a bare `FILE.safetensors` stands for all its weight matrices. */
  readonly weights: readonly string[];
  /** Hidden biases, one per layer in order (optional). */
  readonly biases?: readonly string[];
  /** One activation for every layer, or one per layer. */
  readonly activations?: readonly string[];
  readonly transpose?: boolean;
}

/** Natural order of tensor names: "2.weight" before "10.weight". */
const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * Layer specs for importStack from command-line arguments. A bare safetensors file (no
 * `:name`) expands to every 2-D tensor whose name ends in "weight", in natural name order (a
 * PyTorch state dict's "0.weight", "2.weight", ...), each with the tensor "<prefix>bias" as its
 * bias when present. Errors are InvalidInputErrors naming the argument (weights, biases, activations).
 */
export function importSpecs(a: ImportArguments): ImportLayerSpec[] {
  const layers: { W: string; b?: string }[] = [];
  for (const w of a.weights) {
    if (!w.endsWith('.safetensors')) {
      layers.push({ W: w });
      continue;
    }
    if (!existsSync(w)) throw new InvalidInputError('importSpecs', 'weights', `${w} does not exist`);
    const f = parseSafetensors(new Uint8Array(readFileSync(w)), w);
    const names = [...f.tensors.keys()].filter((k) => k.endsWith('weight') && f.tensors.get(k)!.shape.length === 2).sort(natural);
    if (!names.length) throw new InvalidInputError('importSpecs', 'weights', `${w} holds no 2-D tensor named *weight; name the tensors as ${w}:<name> (it has ${[...f.tensors.keys()].join(', ')})`);
    for (const k of names) {
      const bias = `${k.slice(0, -'weight'.length)}bias`;
      layers.push({ W: `${w}:${k}`, ...(f.tensors.has(bias) ? { b: `${w}:${bias}` } : {}) });
    }
  }
  if (!layers.length) throw new InvalidInputError('importSpecs', 'weights', 'give at least one weight matrix');
  if (a.biases && a.biases.length && a.biases.length !== layers.length) throw new InvalidInputError('importSpecs', 'biases', `${a.biases.length} biases for ${layers.length} layers; give one per layer or none`);
  const acts = a.activations ?? ['sigmoid'];
  if (acts.length !== 1 && acts.length !== layers.length) throw new InvalidInputError('importSpecs', 'activations', `${acts.length} activations for ${layers.length} layers; give one for all or one per layer`);
  for (const x of acts) if (!(ACTIVATIONS as readonly string[]).includes(x)) throw new InvalidInputError('importSpecs', 'activations', `unknown activation "${x}"; expected one of ${ACTIVATIONS.join(', ')}`);
  return layers.map((l, i) => ({
    W: l.W,
    ...(a.biases && a.biases.length ? { b: a.biases[i] } : l.b ? { b: l.b } : {}),
    ...(a.transpose ? { transpose: true } : {}),
    activation: (acts.length === 1 ? acts[0] : acts[i]) as Activation,
  }));
}
