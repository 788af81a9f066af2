import { UserError } from '../core/errors.js';
import type { ImportedGraph, ImportedNode } from './onnxModel.js';

/** One weight layer (Conv, Gemm or MatMul node with a weight initializer) of an imported network. */
export interface OnnxLayer {
  /** 0-based position among the network's weight layers, in graph order. */
  readonly index: number;
  readonly node: string;
  readonly op: 'Conv' | 'Gemm' | 'MatMul';
  /** Output channels (Conv) or output features (Gemm, MatMul). */
  readonly units: number;
  /** Shape of one unit's weights: [C, kh, kw] for Conv, [inputs] for dense layers. */
  readonly filterShape: readonly number[];
  /** units x prod(filterShape), row-major: unit u's filter is one block (PyTorch's layout). */
  readonly filters: Float32Array;
  /** The node's output value (pre-activation). */
  readonly output: string;
  /**
   * The unit's response: the value after the chain of per-unit ops that directly follows the
   * layer (BatchNormalization, Relu, Sigmoid, Tanh, Gelu, Dropout, Identity), each the sole
   * consumer of the value before it; the pre-activation when nothing follows.
   */
  readonly response: string;
  /** The ops of that chain, in order (e.g. ['Relu', 'BatchNormalization']). */
  readonly responseOps: readonly string[];
}

const POINTWISE = new Set(['BatchNormalization', 'Relu', 'Sigmoid', 'Tanh', 'Gelu', 'Dropout', 'Identity']);

const intAttr = (n: ImportedNode, name: string, fallback: number): number => {
  const a = n.attributes[name];
  return typeof a === 'number' ? a : fallback;
};

/** Transpose a rows x cols row-major matrix. */
function transpose(a: Float32Array, rows: number, cols: number): Float32Array {
  const t = new Float32Array(a.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j];
  return t;
}

/**
 * Every Conv, Gemm and MatMul node of the graph whose weight is an initializer, in graph order,
 * with its filters in unit-major layout. Layouts: Conv W [units, C, kh, kw]; Gemm B with
 * transB = 1 (nn.Linear) [units, inputs], transB = 0 [inputs, units]; MatMul x W with W
 * [inputs, units]. Gemm with transA, and MatMul with the weight first, are refused (a weight
 * acting from the left is not a layer of units on the input's features).
 */
export function onnxLayers(graph: ImportedGraph, where: string): OnnxLayer[] {
  const consumers = new Map<string, ImportedNode[]>();
  for (const n of graph.nodes) for (const v of n.inputs) consumers.set(v, [...(consumers.get(v) ?? []), n]);
  const layers: OnnxLayer[] = [];
  for (const n of graph.nodes) {
    if (n.op !== 'Conv' && n.op !== 'Gemm' && n.op !== 'MatMul') continue;
    const w = graph.constants.get(n.inputs[1]);
    if (!w || w.dtype !== 'float32') {
      if (graph.constants.has(n.inputs[0])) throw new UserError(`${where}: node "${n.name}" (${n.op}) multiplies a constant from the left; only layers x W are analysed`);
      continue; // a product of two activations (attention-like): no weight layer
    }
    const dims = w.dims;
    const data = w.data as Float32Array;
    let units: number;
    let filterShape: number[];
    let filters: Float32Array;
    if (n.op === 'Conv') {
      if (dims.length !== 4) throw new UserError(`${where}: Conv node "${n.name}" has weight dims [${dims.join(', ')}]; only 2-D convolutions are analysed`);
      units = dims[0];
      filterShape = [dims[1], dims[2], dims[3]];
      filters = data;
    } else {
      if (dims.length !== 2) throw new UserError(`${where}: ${n.op} node "${n.name}" has weight dims [${dims.join(', ')}], expected a matrix`);
      if (n.op === 'Gemm' && intAttr(n, 'transA', 0) !== 0) throw new UserError(`${where}: Gemm node "${n.name}" has transA = 1, which is not analysed`);
      const rowsAreUnits = n.op === 'Gemm' && intAttr(n, 'transB', 0) === 1;
      units = rowsAreUnits ? dims[0] : dims[1];
      filterShape = [rowsAreUnits ? dims[1] : dims[0]];
      filters = rowsAreUnits ? data : transpose(data, dims[0], dims[1]);
    }
    let response = n.outputs[0];
    const responseOps: string[] = [];
    for (;;) {
      const next = consumers.get(response) ?? [];
      if (next.length !== 1 || !POINTWISE.has(next[0].op) || next[0].inputs[0] !== response) break;
      response = next[0].outputs[0];
      responseOps.push(next[0].op);
    }
    layers.push({ index: layers.length, node: n.name, op: n.op, units, filterShape, filters, output: n.outputs[0], response, responseOps });
  }
  if (!layers.length) throw new UserError(`${where}: no Conv, Gemm or MatMul node with a weight initializer in the model`);
  return layers;
}
