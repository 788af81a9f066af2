import { GraphBuilder, compile, float32 } from '../engine/index.js';

const models = new Map<string, Uint8Array>();

/** Graph: y (B, m, n) -> (W y)(W y)^T (B, m, m), W the window as a constant. */
function model(window: Float32Array): Uint8Array {
  const key = Buffer.from(window.buffer, window.byteOffset, window.byteLength).toString('base64');
  let bytes = models.get(key);
  if (!bytes) {
    const g = new GraphBuilder('orbit_gram');
    const y = g.input('y', 'float32', ['B', 'm', window.length]);
    const wy = g.op('Mul', [y, g.constant(float32(window, [window.length]))]);
    g.output(g.op('MatMul', [wy, g.op('Transpose', [wy], { perm: [0, 2, 1] })]), 'gram', 'float32', ['B', 'm', 'm']);
    bytes = g.build();
    models.set(key, bytes);
  }
  return bytes;
}

/**
 * Gram matrices of `count` point sets of m points each (orbits: count x m x n float32, n =
 * window.length): result[b, a, c] = <W y_{b,a}, W y_{b,c}>, (count, m, m) float32, one batched
 * MatMul in ONNX Runtime (float32 accumulation: see greedyNetSizeFromGram for its error bound).
 */
export async function orbitGrams(orbits: Float32Array, count: number, m: number, window: Float32Array, threads?: number): Promise<Float32Array> {
  // run between stretches of TypeScript work (the greedy nets): no spinning worker
  const session = await compile(model(window), threads === undefined ? { spinning: false } : { threads, spinning: false });
  const out = await session.run({ y: float32(orbits.subarray(0, count * m * window.length), [count, m, window.length]) });
  return out.gram.data as Float32Array;
}
