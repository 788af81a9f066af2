import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import ort from 'onnxruntime-node';
import { InputRangeError } from '../core/errors.js';
import type { DType, Tensor } from './tensor.js';

/** Options of a compiled graph. */
export interface SessionOptions {
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
   * spinning (no wake-up between operators); sessions used in passing should not spin.
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

/** A graph loaded into ONNX Runtime, ready to run many times. */
export class CompiledGraph {
  constructor(
    private readonly session: ort.InferenceSession,
    readonly key: string,
  ) {}

  get inputNames(): readonly string[] {
    return this.session.inputNames;
  }

  get outputNames(): readonly string[] {
    return this.session.outputNames;
  }

  /**
   * Run the graph on named inputs; returns every output (or those named in `fetch`). Outputs
   * named in `into` are written into the given tensors (same dtype and shape) instead of fresh
   * arrays, which spares allocating and collecting large outputs every run; they must not share
   * memory with any input of the same run.
   */
  async run(feeds: Record<string, Tensor>, fetch?: readonly string[], into?: Readonly<Record<string, Tensor>>): Promise<Record<string, Tensor>> {
    const ortFeeds: Record<string, ort.Tensor> = {};
    for (const [name, t] of Object.entries(feeds)) ortFeeds[name] = toOrt(t);
    let out: ort.InferenceSession.ReturnType;
    if (into) {
      const fetches: Record<string, ort.Tensor | null> = {};
      for (const name of fetch ?? this.session.outputNames) fetches[name] = into[name] ? toOrt(into[name]) : null;
      out = await this.session.run(ortFeeds, fetches);
    } else {
      out = fetch ? await this.session.run(ortFeeds, fetch as string[]) : await this.session.run(ortFeeds);
    }
    const result: Record<string, Tensor> = {};
    for (const [name, t] of Object.entries(out)) result[name] = into?.[name] ?? fromOrt(t);
    return result;
  }
}

/**
 * Execution providers: the CPU by default; ORBITSCOPE_EP=cuda puts CUDA first (it needs the
 * GPU binaries, which the committed .npmrc skips installing; see README).
 */
function executionProviders(): string[] {
  return process.env.ORBITSCOPE_EP === 'cuda' ? ['cuda', 'cpu'] : ['cpu'];
}

const cache = new Map<string, Promise<CompiledGraph>>();

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
    hit = ort.InferenceSession.create(model, {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      enableMemPattern: memoryPattern,
      executionProviders: executionProviders(),
      // warnings only (e.g. unused initializers) would flood stderr; errors still surface
      logSeverityLevel: 3,
      ...(spinning ? {} : { extra: { session: { intra_op: { allow_spinning: '0' } } } }),
    }).then((s) => new CompiledGraph(s, key));
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
      const g = await p;
      await (g as unknown as { session: ort.InferenceSession }).session.release();
    } catch {
      // a session that failed to load has nothing to release
    }
  }
}
