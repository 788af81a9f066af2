import { readFileSync } from 'node:fs';
import { InputRangeError, UserError } from '../core/errors.js';
import { parseNpy } from './npy.js';

/**
 * Images from a .npy array of shape (N, h, w), (N, C, h, w) (colour: channels C), or (N, h*w)
 * with h and w given (or square when h*w is a perfect square and neither is given). Any dtype
 * parseNpy reads; values must be finite.
 */
export function readNpyImages(file: string, dims: { height?: number; width?: number } = {}): { count: number; channels: number; height: number; width: number; pixels: Float32Array } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new UserError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const a = parseNpy(bytes, file);
  const shape = a.shape;
  let count: number;
  let height: number;
  let width: number;
  let channels = 1;
  if (shape.length === 3 || shape.length === 4) {
    [count, height, width] = shape.length === 3 ? shape : [shape[0], shape[2], shape[3]];
    if (shape.length === 4) channels = shape[1];
    if ((dims.height !== undefined && dims.height !== height) || (dims.width !== undefined && dims.width !== width)) {
      throw new InputRangeError(`${file}: array is (${shape.join(', ')}), but height=${dims.height ?? '-'}, width=${dims.width ?? '-'} were given`);
    }
  } else if (shape.length === 2) {
    count = shape[0];
    const size = shape[1];
    if (dims.height !== undefined || dims.width !== undefined) {
      height = dims.height ?? size / dims.width!;
      width = dims.width ?? size / dims.height!;
      if (!Number.isInteger(height) || !Number.isInteger(width) || height * width !== size) {
        throw new InputRangeError(`${file}: rows of ${size} values do not make ${dims.height ?? '?'} x ${dims.width ?? '?'} images`);
      }
    } else {
      const s = Math.round(Math.sqrt(size));
      if (s * s !== size) throw new InputRangeError(`${file}: rows of ${size} values are not square images; give height= and width=`);
      height = width = s;
    }
  } else {
    throw new InputRangeError(`${file}: expected an array of rank 2 (N, h*w), 3 (N, h, w) or 4 (N, C, h, w), got rank ${shape.length} (${shape.join(', ')})`);
  }
  if (count === 0 || height === 0 || width === 0 || channels === 0) throw new InputRangeError(`${file}: empty array (${shape.join(', ')})`);
  const size = channels * height * width;
  for (let i = 0; i < a.data.length; i++) {
    if (!Number.isFinite(a.data[i])) throw new InputRangeError(`${file}: non-finite value (${a.data[i]}) at image ${Math.floor(i / size)}, pixel ${i % size}`);
  }
  return { count, channels, height, width, pixels: a.data };
}
