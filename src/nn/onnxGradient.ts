import { UserError } from '../core/errors.js';
import { GraphBuilder } from '../engine/graph.js';
import { compile, type CompiledGraph } from '../engine/session.js';
import { float32, type Tensor } from '../engine/tensor.js';
import { emitForward, onnxValues } from './onnxForward.js';
import type { ImportedGraph } from './onnxModel.js';
import { VJPS } from './onnxVjp.js';

/** Concrete dims of every node output of `graph` on an input of dims `inputDims` (one ORT run on zeros). */
export async function valueShapes(graph: ImportedGraph, inputDims: readonly number[]): Promise<Map<string, number[]>> {
  const names = graph.nodes.flatMap((n) => n.outputs.filter(Boolean));
  const size = inputDims.reduce((a, b) => a * b, 1);
  const values = await onnxValues(graph, float32(new Float32Array(size), inputDims), names);
  const shapes = new Map<string, number[]>([[graph.input.name, [...inputDims]]]);
  for (const v of names) shapes.set(v, [...values[v].dims]);
  for (const [k, t] of graph.constants) shapes.set(k, [...t.dims]);
  return shapes;
}

/**
 * The backward graph of an imported network for one target value: ONNX nodes for the forward
 * pass, then, in reverse graph order, each node's VJP from the table (VJPS) for the nodes that
 * lie between the input and the target; gradients reaching a value along several paths are
 * summed. Model inputs: `x` (inputDims) and `seed` (the target's dims); outputs: `value` (the
 * target) and `grad` = seed^T d target / d x (inputDims). Serialised ONNX bytes.
 */
export function buildGradientGraph(graph: ImportedGraph, target: string, shapes: ReadonlyMap<string, readonly number[]>): Uint8Array {
  const inputDims = shapes.get(graph.input.name)!;
  const targetDims = shapes.get(target);
  if (!targetDims) throw new UserError(`onnx gradient: the model has no value "${target}"`);
  const g = new GraphBuilder('imported-gradient');
  const x = g.input('x', 'float32', inputDims);
  const seed = g.input('seed', 'float32', targetDims);
  const names = emitForward(g, graph, x);
  // values that depend on the input, and nodes whose outputs reach the target
  const live = new Set([graph.input.name]);
  for (const n of graph.nodes) if (n.inputs.some((v) => live.has(v))) n.outputs.forEach((o) => live.add(o));
  if (!live.has(target)) throw new UserError(`onnx gradient: "${target}" does not depend on the input`);
  const needed = new Set([target]);
  const order = [...graph.nodes].reverse();
  for (const n of order) if (n.outputs.some((o) => needed.has(o))) n.inputs.forEach((v) => live.has(v) && needed.add(v));
  const grads = new Map<string, string[]>([[target, [seed]]]);
  const gradOf = (v: string): string | null => {
    const parts = grads.get(v);
    if (!parts) return null;
    if (parts.length > 1) grads.set(v, [g.op('Sum', parts)]);
    return grads.get(v)![0];
  };
  for (const n of order) {
    const dy = gradOf(n.outputs[0]);
    if (!dy || !n.outputs.some((o) => needed.has(o))) continue;
    const wants = n.inputs.map((v) => v !== '' && live.has(v) && needed.has(v));
    if (!wants.some(Boolean)) continue;
    const dx = VJPS[n.op as keyof typeof VJPS]({
      g,
      node: n,
      x: n.inputs.map((v) => names.get(v)!),
      y: n.outputs.map((v) => names.get(v)!),
      dy,
      inShapes: n.inputs.map((v) => shapes.get(v) ?? []),
      inShape0: shapes.get(n.inputs[0]) ?? [],
      outShape: shapes.get(n.outputs[0]) ?? [],
      constant: (i) => graph.constants.get(n.inputs[i]),
      wants,
    });
    n.inputs.forEach((v, i) => {
      if (!wants[i] || !dx[i]) return;
      grads.set(v, [...(grads.get(v) ?? []), dx[i]!]);
    });
  }
  const dxIn = gradOf(graph.input.name);
  g.output(names.get(target)!, 'value', 'float32', targetDims);
  g.output(dxIn ?? g.op('Mul', [x, g.constant(float32([0], []))]), 'grad', 'float32', inputDims);
  return g.build();
}

/** A compiled backward graph: value of the target and seed^T J for a batch of inputs. */
export class OnnxGradient {
  private constructor(
    private readonly session: CompiledGraph,
    readonly inputDims: readonly number[],
    readonly targetDims: readonly number[],
  ) {}

  /** Compile the gradient of `target` for inputs of dims `inputDims` (batch included). */
  static async create(graph: ImportedGraph, target: string, inputDims: readonly number[], shapes?: ReadonlyMap<string, readonly number[]>): Promise<OnnxGradient> {
    const s = shapes ?? (await valueShapes(graph, inputDims));
    const bytes = buildGradientGraph(graph, target, s);
    return new OnnxGradient(await compile(bytes, { spinning: false }), s.get(graph.input.name)!, s.get(target)!);
  }

  /** target(x) and seed^T d target / d x. */
  async run(x: Float32Array, seed: Float32Array): Promise<{ value: Float32Array; grad: Float32Array }> {
    const out = await this.session.run({ x: float32(x, this.inputDims), seed: float32(seed, this.targetDims) });
    return { value: (out.value as Tensor<'float32'>).data, grad: (out.grad as Tensor<'float32'>).data };
  }
}
