import { InputRangeError } from '../core/errors.js';
import { checkInteger } from '../core/validate.js';

/**
 * Pure image-stack types and checks of the image-plane actions, apart from the ONNX graph of
 * src/actions/resample.ts so that browser code (the explorer) imports them without the engine.
 */
export type Interpolation = 'bilinear' | 'bicubic';
export type BorderMode = 'zero' | 'periodic' | 'reflect';
export const INTERPOLATIONS: readonly Interpolation[] = ['bilinear', 'bicubic'];
export const BORDER_MODES: readonly BorderMode[] = ['zero', 'periodic', 'reflect'];

/** A stack of F gray images of h x w, row-major (F, h, w). */
export interface ImageStack {
  readonly data: Float32Array;
  readonly count: number;
  readonly height: number;
  readonly width: number;
}

/** An affine group element in centred pixel coordinates: 2x3 rows [a, b, tx, c, d, ty] or a 3x3 matrix. */
export type AffineElement = ArrayLike<number>;

/** Check a stack's shape; throws InputRangeError naming `where`. */
export function checkStack(where: string, s: ImageStack): void {
  checkInteger(where, 'count', s.count, 1);
  checkInteger(where, 'height', s.height, 2);
  checkInteger(where, 'width', s.width, 2);
  if (s.data.length !== s.count * s.height * s.width) {
    throw new InputRangeError(`${where}: data has ${s.data.length} values, expected count*height*width = ${s.count}*${s.height}*${s.width}`);
  }
}
