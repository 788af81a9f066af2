import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { readJsonFile } from '../core/outputs.js';
import { join } from 'node:path';
import { InputRangeError, RandomSource, UserError, parseOptions } from '../core/index.js';
import { autoencoderFamily } from './autoencoderFamily.js';
import { CHECKPOINT_FILE, readCheckpoint, writeCheckpoint } from './checkpoint.js';
import type { EncoderLayer } from './autoencoderLayer.js';
import { encodeRows } from './encoderGraph.js';
import { fitLayer, stepsPerEpoch, type EpochRecord, type FitState } from './fitLayer.js';
import type { Activation } from './graphOps.js';
import type { ModelFamily } from './modelFamily.js';
import { loadModel, saveModel, type StackModel, type ModelLayer } from './modelFile.js';
import { snapshotSteps } from './options.js';
import { rbmFamily } from './rbmFamily.js';
import { atomicWrite } from '../core/atomicWrite.js';
import { readSnapshots, writeSnapshot, type LayerWeights, type Snapshot } from './runStore.js';
import { configOf, trainStackSchema, type StackConfig, type TrainStackOptions, type TrainStackSettings } from './stackOptions.js';

/** The result of trainStack: every layer's weights and history, the snapshots, and an encoder. */
export interface TrainedStack extends StackModel {
  /** Snapshots of every layer (and fine-tuning), ordered by layer then step. */
  readonly snapshots: readonly Snapshot[];
  /** Where the run was stored, if anywhere. */
  readonly runDir?: string;
  /** Top code of rows x [n, d] through the (fine-tuned if any, else greedy) encoder: [n, h_L]. */
  encode(x: Float32Array): Promise<Float32Array>;
}

function validateData(s: TrainStackSettings): number {
  const where = 'trainStack';
  if (s.data.length === 0) throw new InputRangeError(`${where}: the dataset is empty (0 samples)`);
  if (s.data.length % s.dim !== 0) throw new InputRangeError(`${where}: data has ${s.data.length} values, not a multiple of dim ${s.dim}`);
  if (s.layers[0] !== s.dim) throw new InputRangeError(`${where}: layers[0] = ${s.layers[0]} does not match the data's ${s.dim} values per sample (layers lists every size, input first: ${s.dim},${s.layers.slice(1).join(',')})`);
  const count = s.data.length / s.dim;
  const needsUnit = (s.model === 'ae' && s.ae.loss === 'bce') || (s.model === 'rbm' && s.rbm.visible === 'bernoulli');
  for (let i = 0; i < s.data.length; i++) {
    const v = s.data[i];
    if (!Number.isFinite(v)) throw new InputRangeError(`${where}: data has a non-finite value (${v}) at sample ${Math.floor(i / s.dim)}, index ${i % s.dim}`);
    if (needsUnit && (v < 0 || v > 1)) {
      const what = s.model === 'ae' ? 'binary cross-entropy needs data in [0, 1] (use loss mse)' : 'Bernoulli visible units need data in [0, 1] (use visible gaussian on standardised data)';
      throw new InputRangeError(`${where}: ${what}; got ${v} at sample ${Math.floor(i / s.dim)}, index ${i % s.dim}`);
    }
  }
  if (s.heldOut && s.heldOut.length % s.dim !== 0) throw new InputRangeError(`${where}: heldOut has ${s.heldOut.length} values, not a multiple of dim ${s.dim}`);
  if (s.model === 'ae' && s.ae.loss === 'bce' && s.ae.decoder !== 'sigmoid') throw new UserError(`${where}: loss bce needs the sigmoid decoder (got ${s.ae.decoder})`);
  if (s.model === 'ae' && s.ae.sparsityWeight > 0 && s.ae.encoder !== 'sigmoid') throw new UserError(`${where}: the sparsity penalty needs the sigmoid encoder (got ${s.ae.encoder})`);
  return count;
}

function weightsOf(carried: Record<string, Float32Array>, l: number, shape: [number, number]): LayerWeights {
  const V = carried[`V${l}`];
  return { W: carried[`W${l}`].slice(), b: carried[`b${l}`].slice(), c: carried[`c${l}`].slice(), ...(V ? { V: V.slice() } : {}), shape };
}

/**
 * Greedy layer-wise pre-training (Bengio et al. 2007; Hinton & Salakhutdinov 2006): train layer
 * 1 on the data, encode the data with its mean activations, train layer 2 on the codes, and so
 * on, lower layers frozen; then optionally fine-tune the unrolled deep autoencoder.
 *
 * With `runDir`, the run keeps config.json, a checkpoint (resumed automatically by the same
 * call: the result is bit-for-bit that of an uninterrupted run), snapshots/ and finally
 * model.json + model.bin and encoder.onnx (docs/model-format.md). A run directory holding a
 * different configuration is refused. Returns every layer's W [h, d], b [h], c [d] (V [d, h] if
 * untied), per-epoch histories and the snapshots.
 */
export async function trainStack(options: TrainStackOptions): Promise<TrainedStack> {
  const s = parseOptions('trainStack', trainStackSchema, options);
  const count = validateData(s);
  const dataHash = createHash('sha256').update(new Uint8Array(s.data.buffer, s.data.byteOffset, s.data.byteLength)).digest('hex');
  const config = configOf(s, dataHash, count);
  const configHash = createHash('sha256').update(JSON.stringify(config)).digest('hex');
  const batch = Math.min(s.batch, count);
  const lr = config.lr;
  const L = s.layers.length - 1;
  const dir = s.runDir;
  let ckpt = null;
  if (dir) {
    mkdirSync(join(dir, 'snapshots'), { recursive: true });
    const cfgPath = join(dir, 'config.json');
    if (existsSync(cfgPath)) {
      const old = readJsonFile(cfgPath, `delete ${dir} to train from scratch`) as { configHash?: string } | null;
      if (old?.configHash !== configHash) throw new UserError(`${dir} holds a different run (its config.json differs from these options); choose another --out or delete it`);
    } else atomicWrite(cfgPath, `${JSON.stringify({ configHash, config }, null, 1)}\n`);
    if (existsSync(join(dir, 'model.json'))) {
      const model = loadModel(dir);
      return finish(model, readSnapshots(join(dir, 'snapshots')), s.threads, dir);
    }
    ckpt = readCheckpoint(dir);
    if (ckpt && ckpt.configHash !== configHash) throw new UserError(`${join(dir, CHECKPOINT_FILE)} belongs to a different run; choose another --out or delete it`);
  }
  const memorySnapshots: Snapshot[] = [];
  const done: { weights: LayerWeights; history: readonly EpochRecord[] }[] = ckpt ? [...ckpt.done] : [];
  const root = RandomSource.fromSeed(s.seed);
  const snaps = s.snapshots;
  const activation: Activation = s.model === 'ae' ? s.ae.encoder : 'sigmoid';
  const describe = (layer: number, epoch: number, step: number) => `${layer < 0 ? 'fine-tuning' : `layer ${layer + 1}`}, epoch ${epoch + 1}, step ${step}`;
  let lastCheckpoint = ckpt ? describe(ckpt.layer, ckpt.state.epoch, ckpt.state.step) : 'no checkpoint was written yet';
  const store = (snap: Snapshot) => {
    if (dir) writeSnapshot(join(dir, 'snapshots'), snap);
    else memorySnapshots.push(snap);
  };
  const runPhase = async (layer: number, family: ModelFamily, x: Float32Array, n: number, d: number, epochs: number, resume: FitState | undefined, shape: (l: number) => [number, number]) => {
    const S = stepsPerEpoch(n, batch);
    const schedule = snaps === false ? [] : snapshotSteps(snaps, S * epochs);
    return fitLayer({
      family,
      data: x,
      count: n,
      dim: d,
      batch,
      epochs,
      stepsPerRun: s.stepsPerRun,
      seed: root.fork(layer < 0 ? L : layer),
      snapshotSteps: schedule,
      snapshotEveryEpoch: snaps !== false && snaps.everyEpoch,
      checkpointEverySteps: s.checkpointEverySteps,
      checkpointSeconds: s.checkpointSeconds,
      label: layer < 0 ? 'fine-tuning' : `layer ${layer + 1}`,
      checkpointInfo: () => (!dir ? 'no run directory, so nothing was saved' : existsSync(join(dir, CHECKPOINT_FILE)) ? `the last good checkpoint (${lastCheckpoint}) is kept in ${join(dir, CHECKPOINT_FILE)}` : 'no checkpoint was written yet'),
      resume,
      onSnapshot: (e) => {
        const weights = layer < 0 ? Array.from({ length: L }, (_, l) => weightsOf(e.carried, l, shape(l))) : [weightsOf(e.carried, 0, shape(0))];
        store({ layer, step: e.step, epoch: e.epoch, samples: e.step * batch, loss: e.loss, reason: e.reason, weights: weights[weights.length - 1], ...(layer < 0 ? { stack: weights } : {}) });
      },
      onCheckpoint: dir
        ? (state) => {
            writeCheckpoint(dir, { configHash, done, layer, state, shapes: family.shapes });
            lastCheckpoint = describe(layer, state.epoch, state.step);
            s.onCheckpoint?.({ layer, epoch: state.epoch, step: state.step });
          }
        : undefined,
      onProgress: s.onProgress ? (p) => s.onProgress!({ ...p, layer, layers: L, phase: layer < 0 ? 'finetune' : 'layer' }) : undefined,
    });
  };

  // greedy phase: encode the data through the finished layers, train the next one
  const frozen = (): EncoderLayer[] => done.map((d) => ({ weights: d.weights, activation }));
  for (let l = done.length; l < L; l++) {
    const d = s.layers[l];
    const h = s.layers[l + 1];
    const x = l === 0 ? s.data : await encodeRows(frozen(), s.data, count, s.threads);
    const held = s.heldOut && s.heldOut.length ? (l === 0 ? s.heldOut : await encodeRows(frozen(), s.heldOut, s.heldOut.length / s.dim, s.threads)) : undefined;
    let family: ModelFamily;
    if (s.model === 'ae') family = autoencoderFamily([d, h], s.ae, lr, batch, s.stepsPerRun, s.threads);
    else {
      const pick = RandomSource.fromSeed(s.seed).fork(100 + l).permutation(count).subarray(0, Math.min(count, 1000));
      const train = new Float32Array(pick.length * d);
      pick.forEach((r, i) => train.set(x.subarray(r * d, r * d + d), i * d));
      // deeper RBM layers see codes in [0, 1]: Bernoulli visibles
      const settings = l === 0 ? s.rbm : { ...s.rbm, visible: 'bernoulli' as const };
      family = rbmFamily(d, h, settings, lr, batch, s.stepsPerRun, s.threads, { train, heldOut: held, seed: s.seed + 7919 * (l + 1) });
    }
    const resume = ckpt && ckpt.layer === l ? ckpt.state : undefined;
    const st = await runPhase(l, family, x, count, d, s.epochs, resume, () => [h, d]);
    done.push({ weights: weightsOf(st.carried, 0, [h, d]), history: st.history });
  }
  const layers: ModelLayer[] = done.map((d, l) => ({
    weights: d.weights,
    activation,
    decoderActivation: s.model === 'ae' ? s.ae.decoder : l === 0 && s.rbm.visible === 'gaussian' ? 'linear' : 'sigmoid',
    visibleKind: s.model === 'rbm' ? (l === 0 ? s.rbm.visible : 'bernoulli') : undefined,
    history: d.history,
  }));

  // optional fine-tuning of the unrolled deep autoencoder
  let fineTuned: ModelLayer[] | undefined;
  if (s.fineTune) {
    const ae = s.model === 'ae' ? { ...s.ae, optimizer: s.fineTune.optimizer } : { ...s.ae, encoder: 'sigmoid' as const, decoder: layers[0].decoderActivation, loss: layers[0].decoderActivation === 'sigmoid' ? ('bce' as const) : ('mse' as const), tied: true, optimizer: s.fineTune.optimizer };
    const decoders = layers.map((l, i) => (i === 0 ? ae.decoder : s.model === 'ae' ? ae.decoder : l.decoderActivation));
    const base = autoencoderFamily(s.layers, ae, s.fineTune.lr ?? lr, batch, s.stepsPerRun, s.threads, { encoder: layers.map(() => ae.encoder), decoder: decoders });
    const family: ModelFamily = {
      ...base,
      init: (rng, x, n) => {
        const c = base.init(rng, x, n);
        layers.forEach((layer, l) => {
          c[`W${l}`].set(layer.weights.W);
          c[`b${l}`].set(layer.weights.b);
          c[`c${l}`].set(layer.weights.c);
          if (c[`V${l}`]) c[`V${l}`].set(layer.weights.V ?? transpose(layer.weights.W, layer.weights.shape));
        });
        return c;
      },
    };
    const resume = ckpt && ckpt.layer === -1 ? ckpt.state : undefined;
    const shape = (l: number): [number, number] => [s.layers[l + 1], s.layers[l]];
    const st = await runPhase(-1, family, s.data, count, s.dim, s.fineTune.epochs, resume, shape);
    fineTuned = layers.map((layer, l) => ({ ...layer, weights: weightsOf(st.carried, l, shape(l)), history: l === 0 ? st.history : [] }));
  }
  const model: StackModel = { kind: s.model, config, layers, ...(fineTuned ? { fineTuned } : {}) };
  if (dir) {
    saveModel(dir, model);
    rmSync(join(dir, CHECKPOINT_FILE), { force: true });
    return finish(model, readSnapshots(join(dir, 'snapshots')), s.threads, dir);
  }
  return finish(model, memorySnapshots, s.threads, undefined);
}

function transpose(W: Float32Array, [h, d]: readonly [number, number]): Float32Array {
  const out = new Float32Array(W.length);
  for (let j = 0; j < h; j++) for (let i = 0; i < d; i++) out[i * h + j] = W[j * d + i];
  return out;
}

function finish(model: StackModel, snapshots: Snapshot[], threads: number, runDir: string | undefined): TrainedStack {
  const enc = (model.fineTuned ?? model.layers).map((l) => ({ weights: l.weights, activation: l.activation }));
  const d = enc[0].weights.shape[1];
  return {
    ...model,
    snapshots,
    ...(runDir ? { runDir } : {}),
    encode: (x: Float32Array) => {
      if (x.length % d !== 0) throw new InputRangeError(`encode: ${x.length} values is not a multiple of the input size ${d}`);
      return encodeRows(enc, x, x.length / d, threads);
    },
  };
}

export type { StackConfig };
