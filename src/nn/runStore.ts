import { mkdirSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputTypeError } from '../core/errors.js';
import { readJsonFile } from '../core/outputs.js';

/** Atomic file writes live in core (data and sweeps use them too); re-exported for the run store's callers. */
import { atomicWrite } from '../core/atomicWrite.js';


/** The weights of one layer at one moment of training (W [h, d], b [h], c [d], V [d, h] if untied). */
export interface LayerWeights {
  readonly W: Float32Array;
  readonly b: Float32Array;
  readonly c: Float32Array;
  readonly V?: Float32Array;
  /** [h, d]: hidden x visible. */
  readonly shape: readonly [number, number];
}

/** A snapshot: one layer's weights at a step of its training. */
export interface Snapshot {
  /** Index of the layer in the stack (0 = next to the data); -1 for deep fine-tuning (then `stack` holds every layer). */
  readonly layer: number;
  /** Minibatch updates of this layer (or phase) so far; 0 = initial weights. */
  readonly step: number;
  /** step / steps per epoch: fractional epochs. */
  readonly epoch: number;
  /** Training samples seen by this layer (step * batch). */
  readonly samples: number;
  /** Mean training loss of the minibatches since the previous snapshot (NaN at step 0). */
  readonly loss: number;
  /** Why it was taken: 'schedule' (log-spaced or user step), 'epoch' (end of an epoch), or both. */
  readonly reason: 'schedule' | 'epoch' | 'schedule+epoch';
  readonly weights: LayerWeights;
  /** For fine-tuning snapshots: every layer's weights. */
  readonly stack?: readonly LayerWeights[];
}

interface TensorEntry {
  name: string;
  shape: number[];
  /** Offset in float32 elements into the .bin file. */
  offset: number;
  length: number;
}

function tensorsOf(s: Snapshot): [string, Float32Array, number[]][] {
  const list: [string, Float32Array, number[]][] = [];
  const add = (prefix: string, w: LayerWeights) => {
    const [h, d] = w.shape;
    list.push([`${prefix}W`, w.W, [h, d]], [`${prefix}b`, w.b, [h]], [`${prefix}c`, w.c, [d]]);
    if (w.V) list.push([`${prefix}V`, w.V, [d, h]]);
  };
  if (s.stack) s.stack.forEach((w, l) => add(`layer${l}.`, w));
  else add('', s.weights);
  return list;
}

/** File stem of a snapshot: "layer0-step00000123" (fine-tuning: "finetune-step..."). */
export function snapshotStem(s: { layer: number; step: number }): string {
  return `${s.layer < 0 ? 'finetune' : `layer${s.layer}`}-step${String(s.step).padStart(8, '0')}`;
}

/**
 * Store a snapshot as `<dir>/<stem>.bin` (the tensors' float32 values, little-endian, one after
 * another) and `<dir>/<stem>.json` (metadata and the tensor table: name, shape, offset and
 * length in float32 elements). The .json is written last, so a listed snapshot is complete.
 */
export function writeSnapshot(dir: string, s: Snapshot): void {
  mkdirSync(dir, { recursive: true });
  const tensors = tensorsOf(s);
  const total = tensors.reduce((a, [, t]) => a + t.length, 0);
  const bin = new Float32Array(total);
  const table: TensorEntry[] = [];
  let o = 0;
  for (const [name, t, shape] of tensors) {
    bin.set(t, o);
    table.push({ name, shape, offset: o, length: t.length });
    o += t.length;
  }
  const stem = snapshotStem(s);
  atomicWrite(join(dir, `${stem}.bin`), new Uint8Array(bin.buffer));
  const meta = { format: 'orbitscope-snapshot', version: 1, layer: s.layer, step: s.step, epoch: s.epoch, samples: s.samples, loss: Number.isFinite(s.loss) ? s.loss : null, reason: s.reason, dtype: 'float32', endian: 'little', file: `${stem}.bin`, tensors: table };
  atomicWrite(join(dir, `${stem}.json`), `${JSON.stringify(meta, null, 1)}\n`);
}

function weightsFrom(get: (n: string) => { data: Float32Array; shape: number[] } | undefined, prefix: string): LayerWeights {
  const W = get(`${prefix}W`);
  const b = get(`${prefix}b`);
  const c = get(`${prefix}c`);
  if (!W || !b || !c) throw new InputTypeError(`snapshot: tensors ${prefix}W, ${prefix}b and ${prefix}c are required`);
  const V = get(`${prefix}V`);
  return { W: W.data, b: b.data, c: c.data, ...(V ? { V: V.data } : {}), shape: [W.shape[0], W.shape[1]] };
}

/** Read one snapshot from its .json path. */
export function readSnapshot(jsonPath: string): Snapshot {
  const meta = readJsonFile(jsonPath, 'the snapshot is damaged; delete it or the run directory') as { format: string; layer: number; step: number; epoch: number; samples: number; loss: number | null; reason: Snapshot['reason']; file: string; tensors: TensorEntry[] };
  if (meta?.format !== 'orbitscope-snapshot') throw new InputTypeError(`${jsonPath}: not an orbitscope snapshot (format "${meta?.format}")`);
  const raw = readFileSync(join(jsonPath, '..', meta.file));
  const all = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  const byName = new Map(meta.tensors.map((t) => [t.name, { data: all.slice(t.offset, t.offset + t.length), shape: t.shape }]));
  const get = (n: string) => byName.get(n);
  const layers = new Set(meta.tensors.map((t) => /^layer(\d+)\./.exec(t.name)?.[1]).filter((x) => x !== undefined));
  const stack = layers.size ? [...layers].map(Number).sort((a, b) => a - b).map((l) => weightsFrom(get, `layer${l}.`)) : undefined;
  return {
    layer: meta.layer,
    step: meta.step,
    epoch: meta.epoch,
    samples: meta.samples,
    loss: meta.loss ?? NaN,
    reason: meta.reason,
    weights: stack ? stack[stack.length - 1] : weightsFrom(get, ''),
    ...(stack ? { stack } : {}),
  };
}

/** Every snapshot in a directory (usually `<run>/snapshots`), ordered by layer (fine-tuning last) then step. */
export function readSnapshots(dir: string): Snapshot[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => /^(layer\d+|finetune)-step\d+\.json$/.test(f)).sort();
  const snaps = files.map((f) => readSnapshot(join(dir, f)));
  const order = (s: Snapshot) => (s.layer < 0 ? 1e9 : s.layer);
  return snaps.sort((a, b) => order(a) - order(b) || a.step - b.step);
}
