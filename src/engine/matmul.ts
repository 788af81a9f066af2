import { InputRangeError } from '../core/errors.js';
import { GraphBuilder } from './graph.js';
import { compile } from './session.js';
import { float32 } from './tensor.js';

/** Transpose flags of `matmul`. */
export interface MatmulOptions {
  /** Use a^T in place of a. */
  readonly transA?: boolean;
  /** Use b^T in place of b. */
  readonly transB?: boolean;
}

/** The serialised Gemm graph for one pair of transpose flags (dims are symbolic, so four graphs serve every shape). */
const models = new Map<string, Uint8Array>();

function gemmModel(transA: boolean, transB: boolean): Uint8Array {
  const key = `${+transA}${+transB}`;
  let m = models.get(key);
  if (!m) {
    const g = new GraphBuilder(`matmul_${key}`);
    const a = g.input('a', 'float32', ['a0', 'a1']);
    const b = g.input('b', 'float32', ['b0', 'b1']);
    g.output(g.op('Gemm', [a, b], { transA: +transA, transB: +transB }), 'c', 'float32', ['m', 'n']);
    m = g.build();
    models.set(key, m);
  }
  return m;
}

/**
 * Float32 matrix product op(a) op(b) through ONNX Runtime (one cached Gemm session per pair of
 * transpose flags). a is aDims[0] x aDims[1] row-major, b likewise; op(x) = x or x^T.
 * Returns the row-major m x n product with its dims. Accumulation is float32 (MLAS), so a sum
 * over K terms carries a relative error of order K * 6e-8 at worst, sqrt(K) * 6e-8 typically.
 */
export async function matmul(
  a: Float32Array,
  aDims: readonly [number, number],
  b: Float32Array,
  bDims: readonly [number, number],
  options: MatmulOptions = {},
): Promise<{ data: Float32Array; dims: [number, number] }> {
  const transA = options.transA ?? false;
  const transB = options.transB ?? false;
  for (const [name, x, d] of [['a', a, aDims], ['b', b, bDims]] as const) {
    if (!Number.isInteger(d[0]) || !Number.isInteger(d[1]) || d[0] < 1 || d[1] < 1) {
      throw new InputRangeError(`matmul: ${name} dims must be positive integers, got [${d.join(', ')}]`);
    }
    if (x.length !== d[0] * d[1]) throw new InputRangeError(`matmul: ${name} has ${x.length} elements but dims [${d.join(', ')}] need ${d[0] * d[1]}`);
  }
  const [m, k] = transA ? [aDims[1], aDims[0]] : aDims;
  const [k2, n] = transB ? [bDims[1], bDims[0]] : bDims;
  if (k !== k2) throw new InputRangeError(`matmul: inner dimensions differ (${k} for a, ${k2} for b)`);
  // products are used in passing between stretches of TypeScript work: a spinning worker would
  // hold a core for tens of milliseconds after each one, taking it from that work
  const session = await compile(gemmModel(transA, transB), { spinning: false });
  const out = await session.run({ a: float32(a, aDims), b: float32(b, bDims) });
  return { data: out.c.data as Float32Array, dims: [m, n] };
}
