import onnxProto from 'onnx-proto';
import { InputRangeError, InputTypeError } from '../core/errors.js';
import { halfToFloat } from '../core/float16.js';
import type { Tensor } from '../engine/tensor.js';

const { onnx } = onnxProto;

type TensorProto = onnxProto.onnx.ITensorProto;

const FLOAT = 1;
const INT32 = 6;
const INT64 = 7;
const FLOAT16 = 10;
const DOUBLE = 11;

const dimsOf = (t: TensorProto): number[] => (t.dims ?? []).map(Number);

/** The values of a float, double or float16 TensorProto from raw_data or its typed field, as float32. */
export function tensorValues(t: TensorProto, where: string): Float32Array {
  const count = dimsOf(t).reduce((a, d) => a * d, 1);
  if (t.dataLocation === onnx.TensorProto.DataLocation.EXTERNAL) throw new InputTypeError(`${where}: initializer "${t.name}" keeps its data in an external file, which is not supported; re-export with the weights embedded`);
  const raw = t.rawData && t.rawData.length ? t.rawData : null;
  const view = raw ? new DataView(raw.buffer, raw.byteOffset, raw.byteLength) : null;
  let out: Float32Array;
  if (t.dataType === FLOAT) {
    out = view ? Float32Array.from({ length: view.byteLength / 4 }, (_, i) => view.getFloat32(4 * i, true)) : Float32Array.from(t.floatData ?? []);
  } else if (t.dataType === DOUBLE) {
    out = view ? Float32Array.from({ length: view.byteLength / 8 }, (_, i) => view.getFloat64(8 * i, true)) : Float32Array.from(t.doubleData ?? []);
  } else if (t.dataType === FLOAT16) {
    // float16 bits live in int32_data when there is no raw_data
    out = view ? Float32Array.from({ length: view.byteLength / 2 }, (_, i) => halfToFloat(view.getUint16(2 * i, true))) : Float32Array.from(t.int32Data ?? [], halfToFloat);
  } else {
    throw new InputTypeError(`${where}: initializer "${t.name}" has ONNX data type ${t.dataType}; expected float, double or float16 weights`);
  }
  if (out.length !== count) throw new InputRangeError(`${where}: initializer "${t.name}" holds ${out.length} values but its dims [${dimsOf(t).join(', ')}] need ${count}`);
  return out;
}

/** An ONNX TensorProto as an engine Tensor: floats as float32, int32/int64 as int64 (shapes, pads, axes). */
export function tensorOf(t: TensorProto, where: string): Tensor {
  const dims = dimsOf(t);
  if (t.dataType !== INT64 && t.dataType !== INT32) return { dtype: 'float32', data: tensorValues(t, where), dims };
  const count = dims.reduce((a, d) => a * d, 1);
  const raw = t.rawData && t.rawData.length ? t.rawData : null;
  let data: BigInt64Array;
  if (raw) {
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const size = t.dataType === INT64 ? 8 : 4;
    data = BigInt64Array.from({ length: raw.byteLength / size }, (_, i) => (size === 8 ? view.getBigInt64(8 * i, true) : BigInt(view.getInt32(4 * i, true))));
  } else if (t.dataType === INT64) {
    data = BigInt64Array.from(t.int64Data ?? [], (v) => BigInt(v.toString()));
  } else {
    data = BigInt64Array.from(t.int32Data ?? [], (v) => BigInt(v));
  }
  if (data.length !== count) throw new InputRangeError(`${where}: tensor "${t.name}" holds ${data.length} values but its dims [${dims.join(', ')}] need ${count}`);
  return { dtype: 'int64', data, dims };
}

/**
 * Decode ONNX protobuf bytes into a ModelProto; a file that is not one is a user error naming
 * `where` (e.g. "--model net.onnx"). Shared by the whole-network reader and the first-layer reader.
 */
export function decodeOnnxModel(bytes: Uint8Array, where: string): InstanceType<typeof onnxProto.onnx.ModelProto> {
  try {
    return onnxProto.onnx.ModelProto.decode(bytes);
  } catch (e) {
    throw new InputTypeError(`${where}: not an ONNX model (${(e as Error).message})`);
  }
}
