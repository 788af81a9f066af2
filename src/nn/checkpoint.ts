import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputTypeError } from '../core/index.js';
import type { EpochRecord, FitState } from './fitLayer.js';
import type { LayerWeights } from './runStore.js';
import { atomicWrite } from '../core/atomicWrite.js';
import { encodeSafetensors, parseSafetensors, type NamedTensor } from './safetensors.js';

/** Everything needed to continue a stack's training. */
export interface StackCheckpoint {
  readonly configHash: string;
  /** Layers finished (their final weights) with their epoch histories. */
  readonly done: readonly { weights: LayerWeights; history: readonly EpochRecord[] }[];
  /** Phase in progress: a layer index, or -1 for fine-tuning. */
  readonly layer: number;
  readonly state: FitState;
  readonly shapes: Readonly<Record<string, readonly number[]>>;
}

export const CHECKPOINT_FILE = 'checkpoint.safetensors';

/**
 * Write the checkpoint as ONE safetensors file (atomic rename), so that a kill at any moment
 * leaves the previous complete checkpoint: tensors `done.<l>.W|b|c|V`, `cur.<name>` (parameters,
 * optimiser states, chains), `cur.perm` (int32 order of the current epoch); metadata
 * `orbitscope` = JSON of the counters, random-source state and histories.
 */
export function writeCheckpoint(dir: string, c: StackCheckpoint): void {
  const tensors: Record<string, NamedTensor> = {};
  c.done.forEach(({ weights: w }, l) => {
    const [h, d] = w.shape;
    tensors[`done.${l}.W`] = { dtype: 'F32', shape: [h, d], data: w.W };
    tensors[`done.${l}.b`] = { dtype: 'F32', shape: [h], data: w.b };
    tensors[`done.${l}.c`] = { dtype: 'F32', shape: [d], data: w.c };
    if (w.V) tensors[`done.${l}.V`] = { dtype: 'F32', shape: [d, h], data: w.V };
  });
  for (const [n, a] of Object.entries(c.state.carried)) tensors[`cur.${n}`] = { dtype: 'F32', shape: [...c.shapes[n]], data: a };
  if (c.state.perm) tensors['cur.perm'] = { dtype: 'I32', shape: [c.state.perm.length], data: c.state.perm };
  const { carried: _c, perm: _p, ...counters } = c.state;
  const meta = {
    format: 'orbitscope-checkpoint',
    version: 1,
    configHash: c.configHash,
    layer: c.layer,
    histories: c.done.map((d) => d.history),
    state: counters,
  };
  atomicWrite(join(dir, CHECKPOINT_FILE), encodeSafetensors(tensors, { orbitscope: JSON.stringify(meta) }));
}

/** Read a checkpoint written by writeCheckpoint, or null when there is none. */
export function readCheckpoint(dir: string): StackCheckpoint | null {
  const path = join(dir, CHECKPOINT_FILE);
  if (!existsSync(path)) return null;
  const f = parseSafetensors(new Uint8Array(readFileSync(path)), path);
  const meta = JSON.parse(f.metadata.orbitscope ?? 'null') as {
    format: string;
    configHash: string;
    layer: number;
    histories: EpochRecord[][];
    state: Omit<FitState, 'carried' | 'perm'>;
  } | null;
  if (!meta || meta.format !== 'orbitscope-checkpoint') throw new InputTypeError(`${path}: not an orbitscope checkpoint`);
  const get = (n: string) => f.tensors.get(n);
  const done = meta.histories.map((history, l) => {
    const W = get(`done.${l}.W`)!;
    const V = get(`done.${l}.V`);
    const weights: LayerWeights = {
      W: W.data as Float32Array,
      b: get(`done.${l}.b`)!.data as Float32Array,
      c: get(`done.${l}.c`)!.data as Float32Array,
      ...(V ? { V: V.data as Float32Array } : {}),
      shape: [W.shape[0], W.shape[1]],
    };
    return { weights, history };
  });
  const carried: Record<string, Float32Array> = {};
  const shapes: Record<string, number[]> = {};
  for (const [n, t] of f.tensors) {
    if (n.startsWith('cur.') && n !== 'cur.perm') {
      carried[n.slice(4)] = t.data as Float32Array;
      shapes[n.slice(4)] = [...t.shape];
    }
  }
  const perm = get('cur.perm');
  return { configHash: meta.configHash, done, layer: meta.layer, state: { ...meta.state, carried, perm: perm ? (perm.data as Int32Array) : null }, shapes };
}
