import { RandomSource } from '../core/random.js';
import type { Tensor } from '../engine/tensor.js';
import type { OnnxLayer } from '../nn/onnxLayers.js';
import type { ImportedGraph } from '../nn/onnxModel.js';

/**
 * The control network of an imported one: the same graph with the values of every Conv, Gemm
 * and MatMul weight shuffled within their tensor (seeded), biases and BatchNorm statistics kept.
 * It has the trained network's architecture (pooling, strides, receptive fields) and weight
 * distributions but none of the learned arrangement, so a symmetry that it shares comes from
 * the architecture, not from learning.
 */
export function shuffledWeights(graph: ImportedGraph, layers: readonly OnnxLayer[], seed: number): ImportedGraph {
  const rng = RandomSource.fromSeed(seed);
  const constants = new Map<string, Tensor>(graph.constants);
  const byNode = new Map(graph.nodes.map((n) => [n.name, n]));
  for (const l of layers) {
    const w = byNode.get(l.node)!.inputs[1];
    const t = graph.constants.get(w)!;
    constants.set(w, { dtype: 'float32', dims: t.dims, data: rng.shuffle(Float32Array.from(t.data as Float32Array)) });
  }
  return { ...graph, constants };
}
