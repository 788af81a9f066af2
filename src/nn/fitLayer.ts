import { RandomSource, UserError, type RandomState } from '../core/index.js';
import { float32, type CompiledGraph, type Tensor } from '../engine/index.js';
import { minibatchFeeds } from './graphOps.js';
import type { ModelFamily } from './modelFamily.js';

/** Training diverged (a non-finite loss or weight); names where, and what was kept. */
export class TrainingDivergedError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'TrainingDivergedError';
  }

  /** The run directory keeps its last good checkpoint (inOutputDirectory does not remove it). */
  readonly keepsOutput = true;
}

/** The resumable state of one layer's (or one fine-tuning phase's) training. */
export interface FitState {
  carried: Record<string, Float32Array>;
  /** Current epoch (0-based); equals epochs when done. */
  epoch: number;
  /** Minibatch steps done in the current epoch. */
  step: number;
  /** Order of the current epoch's samples (null before it is drawn). */
  perm: Int32Array | null;
  rng: RandomState;
  /** Per finished epoch: mean loss and monitoring numbers. */
  history: EpochRecord[];
  /** Loss sum and count of the current epoch so far. */
  lossSum: number;
  lossCount: number;
  /** Loss sum and count since the last snapshot. */
  snapSum: number;
  snapCount: number;
  /** The first minibatch loss of this phase: the yardstick of divergence (absent until the first step). */
  firstLoss?: number;
}

/** A minibatch loss this many times the phase's first one means training diverged (no healthy run gets near it). */
export const DIVERGENCE_FACTOR = 1e4;

/** One finished epoch: the mean training loss (reconstruction loss) and monitoring numbers. */
export interface EpochRecord {
  readonly epoch: number;
  readonly loss: number;
  readonly seconds: number;
  readonly [metric: string]: number;
}

/** A progress event of the fit loop. */
export interface FitProgress {
  readonly epoch: number;
  readonly epochs: number;
  readonly step: number;
  readonly stepsPerEpoch: number;
  /** Mean loss of this epoch so far. */
  readonly loss: number;
  readonly samplesPerSecond: number;
  readonly epochDone?: EpochRecord;
}

export interface FitLayerOptions {
  readonly family: ModelFamily;
  readonly data: Float32Array;
  readonly count: number;
  readonly dim: number;
  readonly batch: number;
  readonly epochs: number;
  /** Steps unrolled per graph run (K). */
  readonly stepsPerRun: number;
  readonly seed: RandomSource;
  /** Global steps at which to snapshot (sorted); snapshots also at epoch ends when everyEpoch. */
  readonly snapshotSteps: readonly number[];
  readonly snapshotEveryEpoch: boolean;
  readonly checkpointEverySteps?: number;
  readonly checkpointSeconds?: number;
  /** A label for messages: "layer 1" or "fine-tuning". */
  readonly label: string;
  /** Where the last good checkpoint is, for the divergence message. */
  readonly checkpointInfo?: () => string;
  readonly resume?: FitState;
  onSnapshot?(s: { step: number; epoch: number; loss: number; reason: 'schedule' | 'epoch' | 'schedule+epoch'; carried: Record<string, Float32Array> }): void;
  onCheckpoint?(state: FitState): void;
  onProgress?(p: FitProgress): void;
}

/** Steps per epoch: floor(count / batch) full minibatches (the count mod batch samples left at the end of each shuffled order are skipped). */
export function stepsPerEpoch(count: number, batch: number): number {
  return Math.floor(count / batch);
}

function toTensors(c: Record<string, Float32Array>, shapes: ModelFamily['shapes']): Record<string, Tensor> {
  const out: Record<string, Tensor> = {};
  for (const [n, a] of Object.entries(c)) out[n] = float32(a, shapes[n]);
  return out;
}

/**
 * Train one model with minibatch steps in shuffled order, K steps per graph run. The grouping
 * of steps into runs depends only on the step index and the configured events (snapshots,
 * step checkpoints), never on where a run was resumed, so a resumed run repeats the exact
 * sequence of graph runs of an uninterrupted one and ends with the same bits.
 */
export async function fitLayer(o: FitLayerOptions): Promise<FitState> {
  const { family, data, dim, batch, count } = o;
  const S = stepsPerEpoch(count, batch);
  const K = o.stepsPerRun;
  const state: FitState = o.resume ?? {
    carried: family.init(o.seed, data, count),
    epoch: 0,
    step: 0,
    perm: null,
    rng: o.seed.getState(),
    history: [],
    lossSum: 0,
    lossCount: 0,
    snapSum: 0,
    snapCount: 0,
  };
  if (!o.resume) state.rng = o.seed.getState();
  const rng = RandomSource.fromState(state.rng);
  // carried tensors are double-buffered: a run reads one set and writes its outputs into the
  // other (they must not alias), then the two swap, so no run allocates weight-sized arrays
  const own = (c: Record<string, Float32Array>) => Object.fromEntries(Object.entries(c).map(([n, a]) => [n, a.slice()]));
  const carried = toTensors(own(state.carried), family.shapes);
  const spare = toTensors(own(state.carried), family.shapes);
  const into: Record<string, Tensor> = {};
  const runInto = async (graph: CompiledGraph, feeds: Record<string, Tensor>) => {
    for (const n of family.carried) into[`${n}_out`] = spare[n];
    const out = await graph.run({ ...carried, ...feeds }, undefined, into);
    for (const n of family.carried) {
      spare[n] = carried[n];
      carried[n] = out[`${n}_out`];
    }
    return out[family.lossOutput].data as Float32Array;
  };
  // rows beyond count * dim (if any) are not data
  const rows = data.subarray(0, count * dim);
  const events = new Set(o.snapshotSteps);
  const sortedEvents = [...o.snapshotSteps];
  const graphFor = (m: number) => family.graph(m, state.epoch);
  const snapshot = (step: number, reason: 'schedule' | 'epoch' | 'schedule+epoch') => {
    if (!o.onSnapshot) return;
    const loss = state.snapCount ? state.snapSum / state.snapCount : NaN;
    o.onSnapshot({ step, epoch: step / S, loss, reason, carried: Object.fromEntries(family.paramNames.map((n) => [n, (carried[n].data as Float32Array).slice()])) });
    state.snapSum = 0;
    state.snapCount = 0;
  };
  const saveState = () => {
    // copies: the live buffers are overwritten by later runs
    state.carried = Object.fromEntries(Object.entries(carried).map(([n, t]) => [n, (t.data as Float32Array).slice()]));
    state.rng = rng.getState();
  };
  if (!o.resume && events.has(0)) snapshot(0, 'schedule');
  let lastCheckpoint = Date.now();
  // compile the full-group graph and run it once before any epoch clock starts: ONNX Runtime
  // sizes its buffers and wakes its threads on a session's first run (5-15 ms here), a one-off
  // cost like the compile, not part of an epoch (epoch seconds measure training throughput).
  // The throwaway run draws from a clone of the random source and writes into the spare
  // buffers, so training goes on with exactly the numbers it would have had.
  if (state.epoch < o.epochs) {
    const m = Math.min(K, S);
    const first = Int32Array.from({ length: m * batch }, (_, i) => i);
    const scratch = Object.fromEntries(family.carried.map((n) => [`${n}_out`, spare[n]]));
    const feeds = { ...family.stepFeeds(m, batch, rng.clone(), state.epoch, state.epoch * S + state.step), ...minibatchFeeds(family.dataInput, rows, dim, first, 0, m, batch) };
    await (await graphFor(m)).run({ ...carried, ...feeds }, undefined, scratch);
  }
  let epochStart = performance.now();
  const nextEvent = (g: number) => {
    let e = Infinity;
    for (const x of sortedEvents) if (x > g) { e = x; break; }
    if (o.checkpointEverySteps) e = Math.min(e, (Math.floor(g / o.checkpointEverySteps) + 1) * o.checkpointEverySteps);
    return e;
  };
  for (; state.epoch < o.epochs; ) {
    if (state.perm === null) {
      state.perm = rng.permutation(count);
      epochStart = performance.now();
    }
    const perm = state.perm;
    while (state.step < S) {
      const g0 = state.epoch * S + state.step;
      const m = Math.min(K - (state.step % K), S - state.step, nextEvent(g0) - g0);
      const t0 = performance.now();
      const losses: number[] = [];
      // a full group is one run; a shorter one (before an event or the epoch end) runs as
      // power-of-two pieces, largest first (12 = 8 + 4, not 12 single steps), so few graphs
      // are compiled; every step does the same arithmetic whatever its group, and the noise is
      // drawn step by step, so the pieces give the same bits as single steps
      for (let i = 0; i < m; ) {
        const p = m === K ? K : 2 ** Math.floor(Math.log2(m - i));
        const feeds = family.stepFeeds(p, batch, rng, state.epoch, g0 + i);
        const minibatches = minibatchFeeds(family.dataInput, rows, dim, perm, (state.step + i) * batch, p, batch);
        losses.push(...(await runInto(await graphFor(p), { ...feeds, ...minibatches })));
        i += p;
      }
      const g1 = g0 + m;
      const epochEnd = state.step + m === S;
      const scheduled = events.has(g1);
      const stepCheckpoint = o.checkpointEverySteps !== undefined && g1 % o.checkpointEverySteps === 0;
      const timeCheckpoint = o.checkpointSeconds !== undefined && Date.now() - lastCheckpoint > o.checkpointSeconds * 1000;
      const checkpointNow = !epochEnd && (stepCheckpoint || timeCheckpoint) && o.onCheckpoint !== undefined;
      // a non-finite loss stops training, keeping the last checkpoint; weights are scanned too
      // before anything is stored (a full scan every run would cost ~5% of an epoch)
      // a finite loss that has grown DIVERGENCE_FACTOR-fold over the first one diverged too
      // (a huge learning rate saturates the units and the loss stays finite, at 1e30)
      if (state.firstLoss === undefined && losses.length && Number.isFinite(losses[0])) state.firstLoss = losses[0];
      const limit = DIVERGENCE_FACTOR * Math.max(Math.abs(state.firstLoss ?? Infinity), 1e-6);
      let bad = losses.findIndex((l) => !Number.isFinite(l) || l > limit);
      const store = epochEnd || scheduled || checkpointNow;
      if (bad < 0 && store && family.paramNames.some((n) => (carried[n].data as Float32Array).some((v) => !Number.isFinite(v)))) bad = m;
      if (bad >= 0) {
        const where = `${o.label}, epoch ${state.epoch + 1}, step ${state.step + Math.min(bad, m - 1) + 1} of ${S}`;
        const kept = o.checkpointInfo ? `; ${o.checkpointInfo()}` : '';
        const what = bad >= m ? 'a weight became non-finite' : Number.isFinite(losses[bad]) ? `the loss grew to ${losses[bad].toPrecision(3)}, over ${DIVERGENCE_FACTOR} times its first value ${state.firstLoss!.toPrecision(3)},` : `the loss became ${losses[bad]}`;
        throw new TrainingDivergedError(`training diverged: ${what} at ${where} (try a smaller learning rate)${kept}`);
      }
      for (const l of losses) {
        state.lossSum += l;
        state.snapSum += l;
      }
      state.lossCount += m;
      state.snapCount += m;
      state.step += m;
      if (scheduled || (epochEnd && o.snapshotEveryEpoch)) snapshot(g1, scheduled && epochEnd && o.snapshotEveryEpoch ? 'schedule+epoch' : scheduled ? 'schedule' : 'epoch');
      const dt = (performance.now() - t0) / 1000;
      o.onProgress?.({ epoch: state.epoch, epochs: o.epochs, step: state.step, stepsPerEpoch: S, loss: state.lossSum / state.lossCount, samplesPerSecond: (m * batch) / dt });
      if (epochEnd) break;
      if (checkpointNow) {
        saveState();
        o.onCheckpoint!(state);
        lastCheckpoint = Date.now();
      }
    }
    const seconds = (performance.now() - epochStart) / 1000;
    const c = Object.fromEntries(Object.entries(carried).map(([n, t]) => [n, t.data as Float32Array]));
    const metrics = family.monitor ? await family.monitor(c, state.epoch) : {};
    const record: EpochRecord = { epoch: state.epoch + 1, loss: state.lossSum / state.lossCount, seconds, ...metrics };
    state.history.push(record);
    state.epoch += 1;
    state.step = 0;
    state.perm = null;
    state.lossSum = 0;
    state.lossCount = 0;
    o.onProgress?.({ epoch: state.epoch - 1, epochs: o.epochs, step: S, stepsPerEpoch: S, loss: record.loss, samplesPerSecond: (S * batch) / seconds, epochDone: record });
    saveState();
    if (o.onCheckpoint) {
      o.onCheckpoint(state);
      lastCheckpoint = Date.now();
    }
  }
  saveState();
  return state;
}
