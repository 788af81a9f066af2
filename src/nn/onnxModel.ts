import onnxProto from 'onnx-proto';
import { InputTypeError, InvalidInputError, UserError } from '../core/errors.js';
import type { Attribute, Dim } from '../engine/graph.js';
import type { Tensor } from '../engine/tensor.js';
import { decodeOnnxModel, tensorOf } from './onnxTensor.js';

const { onnx } = onnxProto;

/**
 * Operators an imported network may use: the weight layers, the pointwise and pooling ops
 * between them, and the plumbing PyTorch's exporter emits around them (Constant, Pad before
 * AveragePool). Each has a forward (ONNX Runtime) and a vector-Jacobian product (onnxVjp.ts).
 */
export const SUPPORTED_OPS = ['Conv', 'Gemm', 'MatMul', 'Relu', 'Sigmoid', 'Tanh', 'Gelu', 'BatchNormalization', 'MaxPool', 'AveragePool', 'Add', 'Flatten', 'Reshape', 'Dropout', 'Identity', 'Pad', 'Constant'] as const;
export type SupportedOp = (typeof SUPPORTED_OPS)[number];

/** One operator node of an imported graph, attributes in the engine's Attribute form. */
export interface ImportedNode {
  readonly name: string;
  readonly op: SupportedOp;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes: Readonly<Record<string, Attribute>>;
}

/** An ONNX model read for analysis: one data input, its operator nodes in order, its constants. */
export interface ImportedGraph {
  /** The one graph input that is not an initializer, with its declared dims (symbolic names kept). */
  readonly input: { readonly name: string; readonly dims: readonly Dim[] };
  readonly outputs: readonly string[];
  /** Operator nodes in graph (topological) order; Constant nodes are moved into `constants`. */
  readonly nodes: readonly ImportedNode[];
  /** Initializers and Constant-node values by value name. */
  readonly constants: ReadonlyMap<string, Tensor>;
}

type AttributeProto = onnxProto.onnx.IAttributeProto;

function attributeOf(a: AttributeProto, where: string): Attribute {
  const T = onnx.AttributeProto.AttributeType;
  switch (a.type) {
    case T.INT:
      return Number(a.i ?? 0);
    case T.INTS:
      return (a.ints ?? []).map(Number);
    case T.FLOAT:
      return { float: a.f ?? 0 };
    case T.FLOATS:
      return { floats: [...(a.floats ?? [])] };
    case T.STRING:
      return new TextDecoder().decode(a.s ?? new Uint8Array());
    case T.TENSOR:
      return { tensor: tensorOf(a.t ?? {}, where) };
    default:
      throw new InputTypeError(`${where}: attribute "${a.name}" has a type (${a.type}) that is not supported`);
  }
}

/**
 * Read an ONNX model for whole-network analysis. Every node must be one of SUPPORTED_OPS in the
 * default domain; the first one that is not is named in the error ("node \"/1/LeakyRelu\" is a
 * LeakyRelu, which is not supported"), so the user knows what to change before anything runs.
 * The graph must have exactly one float input besides its initializers. `where` prefixes errors
 * (e.g. "--model net.onnx").
 */
export function parseOnnxModel(bytes: Uint8Array, where: string): ImportedGraph {
  const model = decodeOnnxModel(bytes, where);
  const graph = model.graph;
  if (!graph || !(graph.node ?? []).length) throw new InputTypeError(`${where}: the ONNX model has no graph`);
  const constants = new Map<string, Tensor>();
  for (const t of graph.initializer ?? []) constants.set(t.name ?? '', tensorOf(t, where));
  const dataInputs = (graph.input ?? []).filter((i) => !constants.has(i.name ?? ''));
  if (dataInputs.length !== 1) throw new UserError(`${where}: the model has ${dataInputs.length} data inputs (${dataInputs.map((i) => i.name).join(', ')}); only models with one input are analysed`);
  const inputInfo = dataInputs[0];
  const tensorType = inputInfo.type?.tensorType;
  if (!tensorType || tensorType.elemType !== onnx.TensorProto.DataType.FLOAT) throw new UserError(`${where}: input "${inputInfo.name}" is not a float tensor`);
  const dims: Dim[] = (tensorType.shape?.dim ?? []).map((d, i) => (d.dimValue !== undefined && d.dimValue !== null && Number(d.dimValue) > 0 ? Number(d.dimValue) : d.dimParam || `dim${i}`));
  const nodes: ImportedNode[] = [];
  const supported = SUPPORTED_OPS as readonly string[];
  for (const [k, n] of (graph.node ?? []).entries()) {
    const name = n.name || `#${k}`;
    const op = n.opType ?? '';
    if ((n.domain ?? '') !== '' && n.domain !== 'ai.onnx') throw new UserError(`${where}: node "${name}" is a ${op} of domain ${n.domain}, which is not supported; supported ops: ${SUPPORTED_OPS.join(', ')}`);
    if (!supported.includes(op)) throw new UserError(`${where}: node "${name}" is a ${op}, which is not supported; supported ops: ${SUPPORTED_OPS.join(', ')}`);
    const attributes: Record<string, Attribute> = {};
    for (const a of n.attribute ?? []) attributes[a.name ?? ''] = attributeOf(a, `${where}: node "${name}"`);
    if (op === 'Constant') {
      const v = attributes.value;
      if (typeof v !== 'object' || !('tensor' in v)) throw new UserError(`${where}: Constant node "${name}" has no tensor value`);
      constants.set(n.output?.[0] ?? '', v.tensor);
      continue;
    }
    nodes.push({ name, op: op as SupportedOp, inputs: [...(n.input ?? [])], outputs: [...(n.output ?? [])], attributes });
  }
  return { input: { name: inputInfo.name ?? '', dims }, outputs: (graph.output ?? []).map((o) => o.name ?? ''), nodes, constants };
}

/** Concrete input dims: the model's, with symbolic ones taken from `shape` (the full shape, batch included). */
export function resolveInputDims(graph: ImportedGraph, shape: readonly number[] | undefined, batch: number, where: string): number[] {
  const dims = graph.input.dims;
  if (shape) {
    if (shape.length !== dims.length) throw new InvalidInputError('resolveInputDims', 'inputShape', `${shape.length} dims, but the input "${graph.input.name}" of ${where} has ${dims.length} ([${dims.join(', ')}])`);
    shape.forEach((d, i) => {
      const m = dims[i];
      if (i > 0 && typeof m === 'number' && m !== d) throw new InvalidInputError('resolveInputDims', 'inputShape', `${d} for dim ${i}, but ${where} fixes it at ${m}`);
    });
    return [batch, ...shape.slice(1)];
  }
  const symbolic = dims.slice(1).filter((d) => typeof d === 'string');
  if (symbolic.length) throw new InvalidInputError('resolveInputDims', 'inputShape', `${where} leaves input dims ${symbolic.join(', ')} symbolic ([${dims.join(', ')}]); give the full input shape, e.g. ${dims.map((d) => (typeof d === 'number' ? d : d === dims[0] ? 1 : 28)).join('x')}`);
  return [batch, ...(dims.slice(1) as number[])];
}
