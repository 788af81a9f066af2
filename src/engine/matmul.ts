import { GraphBuilder } from './graph.js';
import { compile } from './session.js';
import { float32 } from './tensor.js';
import { InputRangeError } from '../core/errors.js';

function model(transA: boolean, transB: boolean): Uint8Array {
  const g = new GraphBuilder(`matmul_${transA ? 't' : 'n'}${transB ? 't' : 'n'}`);
  const a = g.input('a', 'float32', transA ? ['k', 'm'] : ['m', 'k']);
  const b = g.input('b', 'float32', transB ? ['n', 'k'] : ['k', 'n']);
  g.output(g.op('Gemm', [a, b], { transA: transA ? 1 : 0, transB: transB ? 1 : 0 }), 'c', 'float32', ['m', 'n']);
  return g.build();
}

/**
 * C = op(A) op(B) in float32 through ONNX Runtime's Gemm (one cached session per transpose
 * combination). A is rows x cols as given (before the optional transpose), likewise B.
 */
export async function matmul(
  a: Float32Array,
  aDims: readonly [number, number],
  b: Float32Array,
  bDims: readonly [number, number],
  options: { transA?: boolean; transB?: boolean } = {},
): Promise<{ data: Float32Array; dims: [number, number] }> {
  const ta = options.transA ?? false;
  const tb = options.transB ?? false;
  const [m, k] = ta ? [aDims[1], aDims[0]] : aDims;
  const [k2, n] = tb ? [bDims[1], bDims[0]] : bDims;
  if (k !== k2) throw new InputRangeError(`matmul: inner dimensions differ (${k} and ${k2})`);
  const session = await compile(model(ta, tb));
  const out = await session.run({ a: float32(a, aDims), b: float32(b, bDims) });
  return { data: out.c.data as Float32Array, dims: [m, n] };
}
