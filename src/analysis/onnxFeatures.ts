import onnxProto from 'onnx-proto';
import { InputRangeError, InputTypeError } from '../core/errors.js';
import { decodeOnnxModel, tensorValues } from '../nn/onnxTensor.js';

export { tensorValues };

/** The first weight layer of an ONNX model, as features in its input space. */
export interface OnnxFeatures {
  /** units x channels x height x width, row-major float32 (unit u's filter is one block). */
  readonly data: Float32Array;
  readonly units: number;
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  /** Which node and initializer they came from. */
  readonly opType: 'Gemm' | 'MatMul' | 'Conv';
  readonly node: string;
  readonly initializer: string;
}

/** Options of onnxFeatures: the input image size of a dense layer (default: square, side sqrt(inputs)). */
export interface OnnxFeatureOptions {
  readonly height?: number;
  readonly width?: number;
}

type TensorProto = onnxProto.onnx.ITensorProto;

const intAttr = (node: onnxProto.onnx.INodeProto, name: string, fallback: number): number => {
  const a = (node.attribute ?? []).find((x) => x.name === name);
  return a ? Number(a.i) : fallback;
};

/**
 * The first dense or convolutional layer's weights of an ONNX model as features, so that a model
 * trained elsewhere (e.g. exported from PyTorch) can be analysed: the first node in graph order
 * that is a Gemm, MatMul or Conv with a weight initializer. Layouts: Gemm B with transB = 1
 * (PyTorch's nn.Linear) is [units, inputs], with transB = 0 [inputs, units]; MatMul x W has W
 * [inputs, units] (W x: [units, inputs]); Conv W is [units, channels, kh, kw], read as it is.
 * A dense layer's inputs are reshaped to height x width (given, or a square when inputs is a
 * perfect square). Float, double and float16 initializers, from raw_data or the typed fields.
 */
export function onnxFeatures(bytes: Uint8Array, options: OnnxFeatureOptions = {}, where = 'onnxFeatures'): OnnxFeatures {
  const model = decodeOnnxModel(bytes, where);
  const graph = model.graph;
  if (!graph) throw new InputTypeError(`${where}: the ONNX model has no graph`);
  const inits = new Map<string, TensorProto>();
  for (const t of graph.initializer ?? []) inits.set(t.name ?? '', t as TensorProto);
  for (const node of graph.node ?? []) {
    const op = node.opType;
    if (op !== 'Gemm' && op !== 'MatMul' && op !== 'Conv') continue;
    const inputs = node.input ?? [];
    const w1 = inits.get(inputs[1] ?? '');
    const w0 = op === 'MatMul' ? inits.get(inputs[0] ?? '') : undefined;
    const t = w1 ?? w0;
    if (!t) continue;
    const dims = (t.dims ?? []).map(Number);
    const values = tensorValues(t, where);
    const info = { opType: op, node: node.name ?? '', initializer: t.name ?? '' } as const;
    if (op === 'Conv') {
      if (dims.length !== 4) throw new InputRangeError(`${where}: Conv weight "${t.name}" has dims [${dims.join(', ')}]; only 2-D convolutions ([units, channels, kh, kw]) are read`);
      return { data: values, units: dims[0], channels: dims[1], height: dims[2], width: dims[3], ...info };
    }
    if (dims.length !== 2) throw new InputRangeError(`${where}: ${op} weight "${t.name}" has dims [${dims.join(', ')}], expected a matrix`);
    // rowsAreUnits: the stored matrix is [units, inputs]
    const rowsAreUnits = op === 'Gemm' ? intAttr(node, 'transB', 0) === 1 : !w1;
    const [units, d] = rowsAreUnits ? dims : [dims[1], dims[0]];
    let data = values;
    if (!rowsAreUnits) {
      data = new Float32Array(values.length);
      for (let i = 0; i < d; i++) for (let u = 0; u < units; u++) data[u * d + i] = values[i * units + u];
    }
    let height: number;
    let width: number;
    if (options.height === undefined && options.width === undefined) {
      const side = Math.round(Math.sqrt(d));
      if (side * side !== d) throw new InputRangeError(`${where}: the dense layer has ${d} inputs, not a square number; give the image height and width`);
      height = width = side;
    } else {
      height = options.height ?? d / options.width!;
      width = options.width ?? d / height;
    }
    if (!Number.isInteger(height) || !Number.isInteger(width) || height * width !== d) {
      throw new InputRangeError(`${where}: the dense layer has ${d} inputs, which is not height x width = ${height} x ${width}`);
    }
    return { data, units, channels: 1, height, width, ...info };
  }
  throw new InputRangeError(`${where}: no Gemm, MatMul or Conv node with a weight initializer in the model`);
}
