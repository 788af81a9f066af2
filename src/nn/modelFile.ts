import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputRangeError, InputTypeError, InvalidInputError, UserError } from '../core/index.js';
import { readJsonFile } from '../core/outputs.js';
import { parseNpy } from '../data/npy.js';
import type { AutoencoderLayer } from './autoencoderLayer.js';
import { buildEncoderGraph } from './encoderGraph.js';
import type { EpochRecord } from './fitLayer.js';
import { ACTIVATIONS, type Activation } from './graphOps.js';
import { atomicWrite } from '../core/atomicWrite.js';
import type { LayerWeights } from './runStore.js';
import { parseSafetensors } from './safetensors.js';

/** One layer of a saved stack: the layer (RBM: decoder sigmoid for Bernoulli, linear for Gaussian visibles) and how it was trained. */
export interface ModelLayer extends AutoencoderLayer {
  readonly visibleKind?: 'bernoulli' | 'gaussian';
  readonly history: readonly EpochRecord[];
}

/** A trained (or imported) stack: greedy layers and, if fine-tuned, the fine-tuned layers. */
export interface StackModel {
  readonly kind: 'ae' | 'rbm' | 'imported';
  /** The training configuration (JSON), or a description of the import. */
  readonly config: unknown;
  readonly layers: readonly ModelLayer[];
  readonly fineTuned?: readonly ModelLayer[];
}

interface TensorEntry {
  name: string;
  shape: number[];
  offset: number;
  length: number;
}

/**
 * Save a model as `<dir>/model.bin` (float32 little-endian tensors back to back) and
 * `<dir>/model.json` (format "orbitscope-model", kind, config, per layer: sizes, activations,
 * history and the table of its tensors), plus `<dir>/encoder.onnx` (exportEncoderOnnx).
 * model.json is written last; its presence marks a finished run. See docs/model-format.md.
 */
export function saveModel(dir: string, model: StackModel): void {
  const parts: Float32Array[] = [];
  let offset = 0;
  const table = (prefix: string, w: LayerWeights): TensorEntry[] => {
    const [h, d] = w.shape;
    const list: [string, Float32Array, number[]][] = [[`${prefix}W`, w.W, [h, d]], [`${prefix}b`, w.b, [h]], [`${prefix}c`, w.c, [d]]];
    if (w.V) list.push([`${prefix}V`, w.V, [d, h]]);
    return list.map(([name, a, shape]) => {
      parts.push(a);
      const e = { name, shape, offset, length: a.length };
      offset += a.length;
      return e;
    });
  };
  const describe = (group: string, layers: readonly ModelLayer[]) =>
    layers.map((l, i) => ({
      index: i,
      visible: l.weights.shape[1],
      hidden: l.weights.shape[0],
      activation: l.activation,
      decoderActivation: l.decoderActivation,
      ...(l.visibleKind ? { visibleKind: l.visibleKind } : {}),
      tied: !l.weights.V,
      history: l.history,
      tensors: table(`${group}${i}.`, l.weights),
    }));
  const layers = describe('layer', model.layers);
  const fineTuned = model.fineTuned ? describe('finetuned', model.fineTuned) : null;
  const bin = new Float32Array(offset);
  let o = 0;
  for (const p of parts) {
    bin.set(p, o);
    o += p.length;
  }
  atomicWrite(join(dir, 'model.bin'), new Uint8Array(bin.buffer));
  atomicWrite(join(dir, 'encoder.onnx'), exportEncoderOnnx(model));
  const meta = { format: 'orbitscope-model', version: 1, kind: model.kind, dtype: 'float32', endian: 'little', file: 'model.bin', config: model.config, layers, fineTuned };
  atomicWrite(join(dir, 'model.json'), `${JSON.stringify(meta, null, 1)}\n`);
}

/** Load a model saved by saveModel (a directory holding model.json, or the model.json path). */
export function loadModel(path: string): StackModel {
  const jsonPath = path.endsWith('.json') ? path : join(path, 'model.json');
  if (!existsSync(jsonPath)) throw new UserError(`${jsonPath} does not exist`);
  const meta = readJsonFile(jsonPath, 'the model files are damaged; train the model again') as {
    format: string;
    kind: StackModel['kind'];
    config: unknown;
    file: string;
    layers: (Omit<ModelLayer, 'weights'> & { tensors: TensorEntry[] })[];
    fineTuned: (Omit<ModelLayer, 'weights'> & { tensors: TensorEntry[] })[] | null;
  };
  if (meta?.format !== 'orbitscope-model') throw new InputTypeError(`${jsonPath}: not an orbitscope model (format "${meta?.format}")`);
  const raw = readFileSync(join(jsonPath, '..', meta.file));
  const all = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  const layer = (l: Omit<ModelLayer, 'weights'> & { tensors: TensorEntry[] }): ModelLayer => {
    const t = (suffix: string) => l.tensors.find((e) => e.name.endsWith(`.${suffix}`));
    const get = (e: TensorEntry) => {
      if (e.offset + e.length > all.length) throw new InputRangeError(`${jsonPath}: tensor ${e.name} lies outside ${meta.file}`);
      return all.slice(e.offset, e.offset + e.length);
    };
    const W = t('W')!;
    const V = t('V');
    const { tensors: _t, ...rest } = l;
    return { ...rest, weights: { W: get(W), b: get(t('b')!), c: get(t('c')!), ...(V ? { V: get(V) } : {}), shape: [W.shape[0], W.shape[1]] } };
  };
  return { kind: meta.kind, config: meta.config, layers: meta.layers.map(layer), ...(meta.fineTuned ? { fineTuned: meta.fineTuned.map(layer) } : {}) };
}

/**
 * The encoder of a model as standalone ONNX bytes (opset 20, weights embedded): input `x`
 * [n, d] float32, outputs `h1`..`hL` (each layer's activation; hL is the code). Uses the
 * fine-tuned layers when present.
 */
export function exportEncoderOnnx(model: StackModel): Uint8Array {
  const layers = model.fineTuned ?? model.layers;
  return buildEncoderGraph(layers, true);
}

/** A tensor read from `file.npy` or `file.safetensors:name` (any float dtype, returned as float32); errors name `input` (the caller's argument). */
export function readTensorSpec(spec: string, input = 'weights'): { data: Float32Array; shape: number[] } {
  const m = /^(.*\.safetensors):(.+)$/.exec(spec);
  if (m) {
    if (!existsSync(m[1])) throw new InvalidInputError('readTensorSpec', input, `${m[1]} does not exist`);
    const f = parseSafetensors(new Uint8Array(readFileSync(m[1])), m[1]);
    const t = f.tensors.get(m[2]);
    if (!t) throw new InvalidInputError('readTensorSpec', input, `${m[1]} has no tensor "${m[2]}"; it has ${[...f.tensors.keys()].join(', ')}`);
    return { data: Float32Array.from(t.data), shape: [...t.shape] };
  }
  if (spec.endsWith('.safetensors')) throw new InvalidInputError('readTensorSpec', input, `name the tensor, as ${spec}:<tensor name>`);
  if (!existsSync(spec)) throw new InvalidInputError('readTensorSpec', input, `${spec} does not exist`);
  const a = parseNpy(new Uint8Array(readFileSync(spec)), spec);
  return { data: a.data, shape: [...a.shape] };
}

/** Where to find one imported layer's tensors (each `file.npy` or `file.safetensors:name`). */
export interface ImportLayerSpec {
  /** Weight matrix [h, d] (or [d, h] with transpose: true, as PyTorch-free frameworks such as Keras store it). */
  readonly W: string;
  readonly b?: string;
  readonly c?: string;
  readonly transpose?: boolean;
  readonly activation?: Activation;
}

/**
 * Import a stack trained elsewhere: one layer per spec, W read as [h, d] (PyTorch nn.Linear's
 * weight layout) unless `transpose`, missing biases zero. Consecutive layers must chain
 * (hidden size of one = visible size of the next).
 */
export function importStack(specs: readonly ImportLayerSpec[]): StackModel {
  if (!specs.length) throw new InvalidInputError('importStack', 'specs', 'no layers given');
  const layers = specs.map((s, l): ModelLayer => {
    const w = readTensorSpec(s.W);
    if (w.shape.length !== 2) throw new InvalidInputError('importStack', 'weights', `layer ${l + 1} weight ${s.W} has shape [${w.shape.join(', ')}], expected a matrix`);
    let [h, d] = w.shape;
    let W = w.data;
    if (s.transpose) {
      [h, d] = [d, h];
      W = new Float32Array(W.length);
      for (let j = 0; j < h; j++) for (let i = 0; i < d; i++) W[j * d + i] = w.data[i * h + j];
    }
    const vec = (spec: string | undefined, n: number, what: string) => {
      if (!spec) return new Float32Array(n);
      const t = readTensorSpec(spec, 'biases');
      if (t.data.length !== n) throw new InvalidInputError('importStack', 'biases', `layer ${l + 1} ${what} ${spec} has ${t.data.length} values, expected ${n}`);
      return t.data;
    };
    const activation = s.activation ?? 'sigmoid';
    if (!ACTIVATIONS.includes(activation)) throw new InvalidInputError('importStack', 'activations', `unknown activation ${activation}`);
    return { weights: { W, b: vec(s.b, h, 'hidden bias'), c: vec(s.c, d, 'visible bias'), shape: [h, d] }, activation, decoderActivation: activation, history: [] };
  });
  for (let l = 1; l < layers.length; l++) {
    if (layers[l].weights.shape[1] !== layers[l - 1].weights.shape[0]) {
      throw new InvalidInputError('importStack', 'weights', `layer ${l + 1} expects ${layers[l].weights.shape[1]} inputs but layer ${l} has ${layers[l - 1].weights.shape[0]} units`);
    }
  }
  return { kind: 'imported', config: { imported: specs }, layers };
}
