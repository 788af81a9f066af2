import { GraphBuilder, compile, float32 } from '../engine/index.js';
import { encodeOp, type Activation } from './graphOps.js';
import type { EncoderLayer } from './autoencoderLayer.js';

/**
 * The encoder of a stack as an ONNX graph: input `x` [n, d0], outputs `h1` .. `hL` (every
 * layer's mean activation, hL being the top code). With `embed`, the weights are constants
 * (a standalone model other tools can run); otherwise they are inputs W{l}, b{l}.
 */
export function buildEncoderGraph(layers: readonly EncoderLayer[], embed: boolean, name = 'orbitscope_encoder'): Uint8Array {
  return encoderGraph(layers.map((l) => ({ shape: l.weights.shape, activation: l.activation, ...(embed ? { W: l.weights.W, b: l.weights.b } : {}) })), name);
}

/** The encoder graph from layer shapes; W and b embedded when given, else inputs W{l}, b{l}. */
function encoderGraph(layers: readonly { shape: readonly [number, number]; activation: Activation; W?: Float32Array; b?: Float32Array }[], name: string): Uint8Array {
  const g = new GraphBuilder(name);
  let a = g.input('x', 'float32', ['n', layers[0].shape[1]]);
  layers.forEach((layer, l) => {
    const [h, d] = layer.shape;
    const W = layer.W ? g.constant(float32(layer.W, [h, d]), `W${l}`) : g.input(`W${l}`, 'float32', [h, d]);
    const b = layer.b ? g.constant(float32(layer.b, [h]), `b${l}`) : g.input(`b${l}`, 'float32', [h]);
    a = encodeOp(g, layer.activation, a, W, b);
    g.output(a, `h${l + 1}`, 'float32', ['n', h]);
  });
  return g.build();
}

/** Encode rows x [n, d] through the layers (weights as inputs, so one session serves every epoch); returns the top code [n, h_L]. */
export async function encodeRows(layers: readonly EncoderLayer[], x: Float32Array, n: number, threads: number): Promise<Float32Array> {
  const session = await compile(encoderGraph(layers.map((l) => ({ shape: l.weights.shape, activation: l.activation })), 'orbitscope_encoder'), { threads, spinning: false });
  const d = layers[0].weights.shape[1];
  const top = layers[layers.length - 1].weights.shape[0];
  const out = new Float32Array(n * top);
  const chunk = 4096;
  const weights: Record<string, ReturnType<typeof float32>> = {};
  layers.forEach((l, i) => {
    weights[`W${i}`] = float32(l.weights.W, l.weights.shape);
    weights[`b${i}`] = float32(l.weights.b, [l.weights.shape[0]]);
  });
  for (let r = 0; r < n; r += chunk) {
    const m = Math.min(chunk, n - r);
    const res = await session.run({ ...weights, x: float32(x.subarray(r * d, (r + m) * d), [m, d]) }, [`h${layers.length}`]);
    out.set(res[`h${layers.length}`].data as Float32Array, r * top);
  }
  return out;
}
