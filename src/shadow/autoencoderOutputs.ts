import { InputRangeError, InputTypeError, checkFinite, checkInteger } from '../core/index.js';

/**
 * An autoencoder A seen through its outputs on data: N inputs x_i (rows of `inputs`) and their
 * reconstructions y_i = A(x_i) (rows of `outputs`), both N x n row-major Float32Array.
 */
export interface AutoencoderOutputs {
  readonly inputs: Float32Array;
  readonly outputs: Float32Array;
  /** N, the number of inputs. */
  readonly count: number;
  /** n, the signal dimension (pixels). */
  readonly dim: number;
}

/** Throw a UserError naming `where` unless `data` is well formed (shapes agree, values finite). */
export function checkAutoencoderOutputs(where: string, data: AutoencoderOutputs): void {
  checkInteger(where, 'count', data.count, 1);
  checkInteger(where, 'dim', data.dim, 1);
  for (const key of ['inputs', 'outputs'] as const) {
    const a = data[key];
    if (!(a instanceof Float32Array)) throw new InputTypeError(`${where}: ${key} must be a Float32Array`);
    if (a.length !== data.count * data.dim) {
      throw new InputRangeError(`${where}: ${key} has ${a.length} values but count x dim = ${data.count} x ${data.dim} = ${data.count * data.dim}`);
    }
    checkFinite(where, key, a);
  }
}

/** Sum of squares of a float array, accumulated in float64. */
export function sumOfSquares(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return s;
}

/**
 * The denominator of every shadow error, sum_i ||x_i||^2 (float64); throws when the inputs are
 * all zero, where the relative error is undefined.
 */
export function inputEnergy(where: string, data: AutoencoderOutputs): number {
  const e = sumOfSquares(data.inputs);
  if (e === 0) throw new InputRangeError(`${where}: inputs are all zero, so the shadow error is undefined`);
  return e;
}
