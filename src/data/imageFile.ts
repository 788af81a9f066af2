import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { PNG } from 'pngjs';
import { InputRangeError, InputTypeError, UserError } from '../core/errors.js';
import { parseNpy } from './npy.js';
import type { GrayImage } from '../actions/grayImage.js';

export type { GrayImage };

/** ITU-R BT.601 luma weights, as most imaging tools use for RGB to gray. */
export function luminance(r: number, g: number, b: number): number {
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

/** Decode PNG bytes to gray in [0, 1] (RGB becomes luminance; alpha is ignored). */
export function decodePngGray(bytes: Uint8Array, name: string): GrayImage {
  let png: PNG;
  try {
    png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    throw new InputTypeError(`${name}: not a readable PNG (${(e as Error).message})`);
  }
  const { width, height, data } = png;
  const pixels = new Float32Array(width * height);
  for (let i = 0; i < width * height; i++) pixels[i] = luminance(data[4 * i], data[4 * i + 1], data[4 * i + 2]) / 255;
  return { height, width, pixels };
}

function fromRows(rows: unknown, name: string): GrayImage {
  if (!Array.isArray(rows) || rows.length === 0 || !rows.every((r) => Array.isArray(r))) {
    throw new InputTypeError(`${name}: expected a JSON array of rows (a 2-D array of numbers)`);
  }
  const height = rows.length;
  const width = (rows[0] as unknown[]).length;
  if (width === 0) throw new InputRangeError(`${name}: rows are empty`);
  const pixels = new Float32Array(height * width);
  rows.forEach((row: unknown[], i) => {
    if (row.length !== width) throw new InputRangeError(`${name}: row ${i} has ${row.length} values, row 0 has ${width}`);
    row.forEach((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputTypeError(`${name}: value at row ${i}, column ${j} is not a finite number`);
      pixels[i * width + j] = v;
    });
  });
  return { height, width, pixels };
}

/**
 * Read one 2-D image from a file: PNG (luminance in [0,1]), .npy of 2 dimensions, or a JSON
 * array of rows. Throws a UserError naming the file and the problem otherwise.
 */
export function readImageFile(path: string): GrayImage {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new UserError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.png') return decodePngGray(bytes, path);
  if (ext === '.npy') {
    const a = parseNpy(bytes, path);
    if (a.shape.length !== 2) throw new InputRangeError(`${path}: expected a 2-D array, got shape (${a.shape.join(', ')})`);
    for (let i = 0; i < a.data.length; i++) {
      if (!Number.isFinite(a.data[i])) throw new InputRangeError(`${path}: non-finite value at index ${i}`);
    }
    return { height: a.shape[0], width: a.shape[1], pixels: a.data };
  }
  if (ext === '.json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(bytes));
    } catch (e) {
      throw new InputTypeError(`${path}: not valid JSON (${(e as Error).message})`);
    }
    return fromRows(parsed, path);
  }
  throw new InputTypeError(`${path}: unknown image format "${ext}"; expected .png, .npy or .json`);
}
