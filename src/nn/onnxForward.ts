import { UserError } from '../core/errors.js';
import { GraphBuilder } from '../engine/graph.js';
import { compile } from '../engine/session.js';
import type { Tensor } from '../engine/tensor.js';
import type { ImportedGraph } from './onnxModel.js';

/**
 * Re-emit an imported graph's nodes into `g` after the value `x` (which stands for the model's
 * input); returns the builder's name of every original value (constants become initializers).
 * Re-emitting at the engine's opset lets forward and backward graphs share one builder.
 */
export function emitForward(g: GraphBuilder, graph: ImportedGraph, x: string): Map<string, string> {
  const names = new Map<string, string>([[graph.input.name, x], ['', '']]);
  const lookup = (v: string): string => {
    let n = names.get(v);
    if (n === undefined) {
      const c = graph.constants.get(v);
      if (!c) throw new UserError(`onnx: value "${v}" is used before any node produces it`);
      n = g.constant(c);
      names.set(v, n);
    }
    return n;
  };
  for (const node of graph.nodes) {
    const outs = g.opN(node.op, node.inputs.map(lookup), node.outputs.length, node.attributes);
    node.outputs.forEach((o, i) => names.set(o, outs[i]));
  }
  return names;
}

/**
 * Run an imported graph on input `x` (concrete dims) in ONNX Runtime and return the values
 * named in `values` (any node output, the input or a constant), by their original names.
 */
export async function onnxValues(graph: ImportedGraph, x: Tensor<'float32'>, values: readonly string[]): Promise<Record<string, Tensor<'float32'>>> {
  const g = new GraphBuilder('imported');
  const input = g.input('x', 'float32', x.dims);
  const names = emitForward(g, graph, input);
  values.forEach((v, i) => {
    const n = names.get(v) ?? (graph.constants.has(v) ? g.constant(graph.constants.get(v)!) : undefined);
    if (n === undefined) throw new UserError(`onnx: the model has no value "${v}"`);
    g.output(n, `out${i}`, 'float32', null);
  });
  const session = await compile(g.build(), { spinning: false });
  let out: Record<string, Tensor>;
  try {
    out = await session.run({ x });
  } catch (e) {
    throw new UserError(`onnx: ONNX Runtime could not run the model on an input of shape [${x.dims.join(', ')}]: ${(e as Error).message.split('\n')[0]}`);
  }
  const result: Record<string, Tensor<'float32'>> = {};
  values.forEach((v, i) => (result[v] = out[`out${i}`] as Tensor<'float32'>));
  return result;
}
