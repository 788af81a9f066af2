import onnxProto from 'onnx-proto';
import { UserError } from '../core/errors.js';
import type { DType, Tensor } from './tensor.js';

const { onnx } = onnxProto;

/** ONNX opset that every Orbitscope graph targets (AffineGrid needs 20). */
export const OPSET = 20;

const ELEM: Record<DType, number> = {
  float32: onnx.TensorProto.DataType.FLOAT,
  int64: onnx.TensorProto.DataType.INT64,
  int32: onnx.TensorProto.DataType.INT32,
  bool: onnx.TensorProto.DataType.BOOL,
};

/**
 * An attribute value. Plain numbers are INT attributes (they must be integers); floats are
 * spelled `{ float: x }` so that `alpha: 1` can never silently become an integer.
 */
export type Attribute =
  | number
  | readonly number[]
  | string
  | { readonly float: number }
  | { readonly floats: readonly number[] }
  | { readonly tensor: Tensor };

/** A dimension: a fixed size, or a symbolic name such as 'batch'. */
export type Dim = number | string;

function valueInfo(name: string, dtype: DType, dims: readonly Dim[] | null) {
  const shape = dims === null ? undefined : { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) };
  return onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType: ELEM[dtype], shape } } });
}

function tensorProto(name: string, t: Tensor) {
  // raw little-endian bytes of the typed array (x86 and ARM hosts are little-endian, as ONNX requires)
  const d = t.data;
  return onnx.TensorProto.create({
    name,
    dims: [...t.dims],
    dataType: ELEM[t.dtype],
    rawData: new Uint8Array(d.buffer, d.byteOffset, d.byteLength).slice(),
  });
}

function isIntList(a: Attribute): a is readonly number[] {
  return Array.isArray(a);
}

function attributeProto(name: string, op: string, a: Attribute) {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof a === 'number') {
    if (!Number.isInteger(a)) throw new UserError(`graph: attribute ${name} of ${op} is an INT but got ${a}; write { float: ${a} }`);
    return onnx.AttributeProto.create({ name, type: T.INT, i: a });
  }
  if (typeof a === 'string') return onnx.AttributeProto.create({ name, type: T.STRING, s: new TextEncoder().encode(a) });
  if (isIntList(a)) return onnx.AttributeProto.create({ name, type: T.INTS, ints: [...a] });
  if ('float' in a) return onnx.AttributeProto.create({ name, type: T.FLOAT, f: a.float });
  if ('floats' in a) return onnx.AttributeProto.create({ name, type: T.FLOATS, floats: [...a.floats] });
  return onnx.AttributeProto.create({ name, type: T.TENSOR, t: tensorProto(name, a.tensor) });
}

/**
 * A small typed builder of ONNX graphs: declare inputs (with symbolic dimensions such as
 * 'batch'), constants, operator nodes and outputs, then `build()` the serialised model.
 * Value names are generated; every method returns the name of the value it created.
 *
 * Example: const g = new GraphBuilder('mm'); const x = g.input('x', 'float32', ['n', 4]);
 * g.output(g.op('Sigmoid', [x]), 'y', 'float32', ['n', 4]); const model = g.build();
 */
export class GraphBuilder {
  private readonly nodes: ReturnType<typeof onnx.NodeProto.create>[] = [];
  private readonly inputs: ReturnType<typeof onnx.ValueInfoProto.create>[] = [];
  private readonly outputs: ReturnType<typeof onnx.ValueInfoProto.create>[] = [];
  private readonly initializers: ReturnType<typeof onnx.TensorProto.create>[] = [];
  private readonly names = new Set<string>();
  /** The Identity node of each output, in order. */
  private readonly outputNodes: ReturnType<typeof onnx.NodeProto.create>[] = [];
  private counter = 0;

  constructor(readonly name: string) {}

  private fresh(prefix: string): string {
    let n: string;
    do n = `${prefix}_${this.counter++}`;
    while (this.names.has(n));
    this.names.add(n);
    return n;
  }

  private claim(name: string): string {
    if (this.names.has(name)) throw new UserError(`graph ${this.name}: value name "${name}" is used twice`);
    this.names.add(name);
    return name;
  }

  /** Declare a graph input. */
  input(name: string, dtype: DType, dims: readonly Dim[]): string {
    this.inputs.push(valueInfo(this.claim(name), dtype, dims));
    return name;
  }

  /** Embed a constant tensor (an initializer); returns its value name. */
  constant(t: Tensor, name?: string): string {
    const n = name === undefined ? this.fresh('const') : this.claim(name);
    this.initializers.push(tensorProto(n, t));
    return n;
  }

  /** Add a node with one output; returns the output's name. */
  op(opType: string, inputs: readonly string[], attributes: Record<string, Attribute> = {}): string {
    return this.opN(opType, inputs, 1, attributes)[0];
  }

  /** Add a node with `outputCount` outputs; returns their names. Use '' for an omitted optional input. */
  opN(opType: string, inputs: readonly string[], outputCount: number, attributes: Record<string, Attribute> = {}): string[] {
    const outs = Array.from({ length: outputCount }, () => this.fresh(opType.toLowerCase()));
    this.nodes.push(
      onnx.NodeProto.create({
        opType,
        input: [...inputs],
        output: outs,
        name: this.fresh(`node_${opType}`),
        attribute: Object.entries(attributes).map(([k, v]) => attributeProto(k, opType, v)),
      }),
    );
    return outs;
  }

  /** Expose `value` as the graph output `name` (an Identity node renames it); dims null = rank unknown. */
  output(value: string, name: string, dtype: DType, dims: readonly Dim[] | null): void {
    const node = onnx.NodeProto.create({ opType: 'Identity', input: [value], output: [this.claim(name)], name: this.fresh('node_Identity') });
    this.nodes.push(node);
    this.outputNodes.push(node);
    this.outputs.push(valueInfo(name, dtype, dims));
  }

  /** Serialise to ONNX model bytes (IR version 9, default domain at OPSET). */
  build(): Uint8Array {
    // an output's Identity node is dropped when its value is an operator's output (not an input,
    // a constant or another output): that operator then writes the graph output itself. ORT keeps
    // such Identity nodes when the value also feeds later nodes (an updated weight, a velocity),
    // which costs a copy of the tensor on every run.
    const outputs = new Set(this.outputNodes);
    const produced = new Set<string>();
    for (const n of this.nodes) if (!outputs.has(n)) for (const o of n.output) produced.add(o);
    const rename = new Map<string, string>();
    const dropped = new Set<(typeof this.nodes)[number]>();
    for (const n of this.outputNodes) {
      const v = n.input[0];
      if (produced.has(v) && !rename.has(v)) {
        rename.set(v, n.output[0]);
        dropped.add(n);
      }
    }
    const mapped = (xs: string[]) => xs.map((x) => rename.get(x) ?? x);
    const nodes = this.nodes
      .filter((n) => !dropped.has(n))
      .map((n) => onnx.NodeProto.create({ opType: n.opType, input: mapped(n.input), output: mapped(n.output), name: n.name, attribute: n.attribute }));
    const model = onnx.ModelProto.create({
      irVersion: 9,
      producerName: 'orbitscope',
      opsetImport: [{ domain: '', version: OPSET }],
      graph: {
        name: this.name,
        node: nodes,
        input: this.inputs,
        output: this.outputs,
        initializer: this.initializers,
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}
