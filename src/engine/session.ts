import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import ort from 'onnxruntime-node';
import { InputRangeError } from '../core/errors.js';
import { machineLoad, startLoadWindow } from './machineLoad.js';
import type { DType, Tensor } from './tensor.js';
import { shouldSpin } from './spinning.js';

/** Options of a compiled graph. */
export interface SessionOptions {
  /** Threads for one operator (intra-op); default: all cores. */
  /** Threads for one operator (intra-op); default: all cores. */
  readonly threads?: number;
  /**
   * ORT's memory-pattern planning (default true). The unrolled training graphs of src/nn run
   * 3-10% faster without it (784-256, K = 4, interleaved A/B); results are the same bits.
   */
  readonly memoryPattern?: boolean;
  /**
   * Whether the session's worker threads spin while they wait for work (ORT's default, true).
   * A spinning worker keeps a core busy for tens of milliseconds after every run (40 ms measured
   * here), so a session that runs between the runs of another one takes a core from it: an RBM
   * epoch ran 20-40% slower after its free-energy monitor. Hot loops of one session want
   * spinning (no wake-up between operators); sessions used in passing should not spin. A
   * session asked to spin stops spinning while other processes load the cores (shouldSpin).
   */
  readonly spinning?: boolean;
}

const ORT_TYPE: Record<DType, ort.Tensor.Type> = { float32: 'float32', int64: 'int64', int32: 'int32', bool: 'bool' };

function fromOrt(t: ort.Tensor): Tensor {
  switch (t.type) {
    case 'float32':
      return { dtype: 'float32', data: t.data as Float32Array, dims: [...t.dims] };
    case 'int64':
      return { dtype: 'int64', data: t.data as BigInt64Array, dims: [...t.dims] };
    case 'int32':
      return { dtype: 'int32', data: t.data as Int32Array, dims: [...t.dims] };
    case 'bool':
      return { dtype: 'bool', data: Uint8Array.from(t.data as Uint8Array), dims: [...t.dims] };
    default:
      throw new InputRangeError(`engine: graph returned unsupported element type ${t.type}`);
  }
}

function toOrt(t: Tensor): ort.Tensor {
  return new ort.Tensor(ORT_TYPE[t.dtype], t.data as ort.Tensor.DataType, t.dims as number[]);
}

/** How a compiled graph's sessions are made: the model and the options it was compiled with. */
interface GraphSource {
  readonly model: Uint8Array;
  readonly threads: number;
  readonly spinning: boolean;
  readonly memoryPattern: boolean;
}

function createSession(src: GraphSource, spinning: boolean): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(src.model, {
    intraOpNumThreads: src.threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    enableMemPattern: src.memoryPattern,
    executionProviders: executionProviders(),
    // warnings only (e.g. unused initializers) would flood stderr; errors still surface
    logSeverityLevel: 3,
    ...(spinning ? {} : { extra: { session: { intra_op: { allow_spinning: '0' } } } }),
  });
}

/**
 * Whether spinning follows the machine's load (shouldSpin); ORBITSCOPE_FIXED_SPINNING=1 keeps
 * every session at the spinning it was compiled with (the contention bench's "before").
 */
const adaptive = () => process.env.ORBITSCOPE_FIXED_SPINNING !== '1' && process.env.ORBITSCOPE_EP !== 'cuda';

/**
 * A graph loaded into ONNX Runtime, ready to run many times. A graph compiled to spin has two
 * sessions, made on first use: each run takes the spinning one while the machine has a free
 * core for each thread and the blocking one otherwise (shouldSpin). Spinning is only how idle
 * workers wait: both give the same bits (test/nn/threads.test.ts).
 */
export class CompiledGraph {
  private readonly sessions = new Map<boolean, Promise<ort.InferenceSession>>();
  private readonly names: { inputs: readonly string[]; outputs: readonly string[] };

  constructor(
    private readonly source: GraphSource,
    firstSpinning: boolean,
    first: ort.InferenceSession,
    readonly key: string,
  ) {
    this.sessions.set(firstSpinning, Promise.resolve(first));
    this.names = { inputs: first.inputNames, outputs: first.outputNames };
  }

  get inputNames(): readonly string[] {
    return this.names.inputs;
  }

  get outputNames(): readonly string[] {
    return this.names.outputs;
  }

  /** The session for the machine's load now (made on first use). */
  private session(): Promise<ort.InferenceSession> {
    const spinning = spinsNow(this.source);
    let s = this.sessions.get(spinning);
    if (!s) {
      s = createSession(this.source, spinning);
      s.catch(() => this.sessions.delete(spinning));
      this.sessions.set(spinning, s);
    }
    return s;
  }

  /**
   * Run the graph on named inputs; returns every output (or those named in `fetch`). Outputs
   * named in `into` are written into the given tensors (same dtype and shape) instead of fresh
   * arrays, which spares allocating and collecting large outputs every run; they must not share
   * memory with any input of the same run.
   */
  async run(feeds: Record<string, Tensor>, fetch?: readonly string[], into?: Readonly<Record<string, Tensor>>): Promise<Record<string, Tensor>> {
    const session = await this.session();
    const ortFeeds: Record<string, ort.Tensor> = {};
    for (const [name, t] of Object.entries(feeds)) ortFeeds[name] = toOrt(t);
    let out: ort.InferenceSession.ReturnType;
    if (into) {
      const fetches: Record<string, ort.Tensor | null> = {};
      for (const name of fetch ?? session.outputNames) fetches[name] = into[name] ? toOrt(into[name]) : null;
      out = await session.run(ortFeeds, fetches);
    } else {
      out = fetch ? await session.run(ortFeeds, fetch as string[]) : await session.run(ortFeeds);
    }
    const result: Record<string, Tensor> = {};
    for (const [name, t] of Object.entries(out)) result[name] = into?.[name] ?? fromOrt(t);
    return result;
  }

  /** Sessions made so far (1, or 2 once both spinning and blocking workers were used). */
  get sessionCount(): number {
    return this.sessions.size;
  }

  /** Release every session of this graph. */
  async release(): Promise<void> {
    const all = [...this.sessions.values()];
    this.sessions.clear();
    for (const p of all) {
      try {
        await (await p).release();
      } catch {
        // a session that failed to load has nothing to release
      }
    }
  }
}

/** Whether a graph's workers spin now: as compiled, or as shouldSpin says when spinning adapts. */
function spinsNow(src: GraphSource): boolean {
  if (!src.spinning || src.threads <= 1) return false;
  return adaptive() ? shouldSpin(src.threads, true, machineLoad()) : true;
}

/**
 * Execution providers: the CPU by default; ORBITSCOPE_EP=cuda puts CUDA first (it needs the
 * GPU binaries, which the committed .npmrc skips installing; see README).
 */
function executionProviders(): string[] {
  return process.env.ORBITSCOPE_EP === 'cuda' ? ['cuda', 'cpu'] : ['cpu'];
}

const cache = new Map<string, Promise<CompiledGraph>>();

// the CPU window of the first load reading starts when the engine is loaded (a read of two
// counters), so the first session is sized from measured load, not the lagging load average
startLoadWindow();

/** Default thread count: every core of the machine. */
export function defaultThreads(): number {
  return availableParallelism();
}

/**
 * Load a model into ONNX Runtime once and reuse it: sessions are cached by the SHA-1 of the
 * model bytes and the thread count, so building the same graph twice costs one session.
 */
export function compile(model: Uint8Array, options: SessionOptions = {}): Promise<CompiledGraph> {
  const threads = options.threads ?? defaultThreads();
  if (!Number.isInteger(threads) || threads < 1) throw new InputRangeError(`engine: threads must be a positive integer, got ${threads}`);
  const memoryPattern = options.memoryPattern ?? true;
  const spinning = options.spinning ?? true;
  const key = `${createHash('sha1').update(model).digest('hex')}/${threads}${memoryPattern ? '' : '/nomp'}${spinning ? '' : '/nospin'}`;
  let hit = cache.get(key);
  if (!hit) {
    const source: GraphSource = { model, threads, spinning, memoryPattern };
    const spinsFirst = spinsNow(source);
    hit = createSession(source, spinsFirst).then((s) => new CompiledGraph(source, spinsFirst, s, key));
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}

/** Number of sessions held in the cache (for tests of reuse). */
export function cachedSessionCount(): number {
  return cache.size;
}

/** Release every cached session (sessions are otherwise kept for the life of the process). */
export async function releaseSessions(): Promise<void> {
  const all = [...cache.values()];
  cache.clear();
  for (const p of all) {
    try {
      await (await p).release();
    } catch {
      // a graph that failed to load has nothing to release
    }
  }
}
