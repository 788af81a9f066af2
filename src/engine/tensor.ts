import { InputRangeError } from '../core/errors.js';

/** Element types that graphs exchange with the caller. */
export type DType = 'float32' | 'int64' | 'int32' | 'bool';

/** Typed-array storage for each element type (bool is stored as 0/1 bytes). */
export interface DataOf {
  float32: Float32Array;
  int64: BigInt64Array;
  int32: Int32Array;
  bool: Uint8Array;
}

/** A dense row-major array with its shape: what goes into and comes out of a graph run. */
export interface Tensor<D extends DType = DType> {
  readonly dtype: D;
  readonly data: DataOf[D];
  readonly dims: readonly number[];
}

/** Number of elements of a shape. */
export function sizeOf(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

function make<D extends DType>(dtype: D, data: DataOf[D], dims: readonly number[]): Tensor<D> {
  if (sizeOf(dims) !== data.length) {
    throw new InputRangeError(`tensor: shape [${dims.join(', ')}] needs ${sizeOf(dims)} elements, got ${data.length}`);
  }
  return { dtype, data, dims: [...dims] };
}

/** A float32 tensor; plain number arrays are copied into a Float32Array. */
export function float32(data: Float32Array | readonly number[], dims: readonly number[]): Tensor<'float32'> {
  return make('float32', data instanceof Float32Array ? data : Float32Array.from(data), dims);
}

/** An int64 tensor (shapes, indices); numbers are converted to bigint. */
export function int64(data: BigInt64Array | readonly number[], dims: readonly number[]): Tensor<'int64'> {
  return make('int64', data instanceof BigInt64Array ? data : BigInt64Array.from(data, (x) => BigInt(x)), dims);
}

/** An int32 tensor. */
export function int32(data: Int32Array | readonly number[], dims: readonly number[]): Tensor<'int32'> {
  return make('int32', data instanceof Int32Array ? data : Int32Array.from(data), dims);
}

/** A bool tensor stored as 0/1 bytes. */
export function bool(data: Uint8Array | readonly boolean[], dims: readonly number[]): Tensor<'bool'> {
  return make('bool', data instanceof Uint8Array ? data : Uint8Array.from(data, (b) => (b ? 1 : 0)), dims);
}
