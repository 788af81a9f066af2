import { InputRangeError, InputTypeError } from '../core/errors.js';
import { halfToFloat } from '../core/float16.js';

/** A numeric array read from a .npy file, converted to float32 (row-major). */
export interface NpyArray {
  readonly shape: readonly number[];
  readonly data: Float32Array;
  /** The dtype descriptor found in the header, e.g. "<f4". */
  readonly dtype: string;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"

/** Element readers by dtype descriptor (little-endian and byte types; '|' = not applicable). */
const READERS: Record<string, { size: number; read: (v: DataView, o: number) => number }> = {
  '<f4': { size: 4, read: (v, o) => v.getFloat32(o, true) },
  '<f8': { size: 8, read: (v, o) => v.getFloat64(o, true) },
  '<f2': { size: 2, read: (v, o) => halfToFloat(v.getUint16(o, true)) },
  '|u1': { size: 1, read: (v, o) => v.getUint8(o) },
  '|i1': { size: 1, read: (v, o) => v.getInt8(o) },
  '<u2': { size: 2, read: (v, o) => v.getUint16(o, true) },
  '<i2': { size: 2, read: (v, o) => v.getInt16(o, true) },
  '<i4': { size: 4, read: (v, o) => v.getInt32(o, true) },
  '<u4': { size: 4, read: (v, o) => v.getUint32(o, true) },
  '<i8': { size: 8, read: (v, o) => Number(v.getBigInt64(o, true)) },
  '|b1': { size: 1, read: (v, o) => v.getUint8(o) },
};

/**
 * Parse the bytes of a .npy file (format versions 1.0-3.0; NumPy's NEP 1 layout) into float32.
 * `name` is used in error messages (the file path). Fortran order and big-endian dtypes are
 * rejected with a message rather than misread.
 */
export function parseNpy(bytes: Uint8Array, name: string): NpyArray {
  if (bytes.length < 10 || MAGIC.some((m, i) => bytes[i] !== m)) throw new InputTypeError(`${name}: not a .npy file (bad magic string)`);
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  if (start + headerLen > bytes.length) throw new InputRangeError(`${name}: .npy header is truncated`);
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(start, start + headerLen));
  const descr = /'descr'\s*:\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) throw new InputTypeError(`${name}: malformed .npy header: ${header.trim()}`);
  if (fortran === 'True') throw new InputTypeError(`${name}: Fortran-ordered arrays are not supported; save with np.ascontiguousarray`);
  const dtype = descr === '<b1' ? '|b1' : descr === '<u1' ? '|u1' : descr === '<i1' ? '|i1' : descr;
  const reader = READERS[dtype];
  if (!reader) throw new InputTypeError(`${name}: unsupported dtype ${descr}; expected one of ${Object.keys(READERS).join(', ')}`);
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
  if (shape.some((d) => !Number.isInteger(d) || d < 0)) throw new InputTypeError(`${name}: malformed shape (${shapeText})`);
  const count = shape.reduce((a, b) => a * b, 1);
  const dataStart = start + headerLen;
  const need = count * reader.size;
  if (bytes.length - dataStart < need) {
    throw new InputRangeError(`${name}: body has ${bytes.length - dataStart} bytes, shape (${shape.join(', ')}) of ${dtype} needs ${need}`);
  }
  const data = new Float32Array(count);
  if (dtype === '<f4' && dataStart % 4 === 0 && bytes.byteOffset % 4 === 0) {
    data.set(new Float32Array(bytes.buffer, bytes.byteOffset + dataStart, count));
  } else {
    for (let i = 0; i < count; i++) data[i] = reader.read(view, dataStart + i * reader.size);
  }
  return { shape, data, dtype };
}

/** Serialise a float32 array as a version 1.0 .npy file. */
export function encodeNpy(data: Float32Array, shape: readonly number[]): Uint8Array {
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length) throw new InputRangeError(`encodeNpy: shape (${shape.join(', ')}) needs ${count} values, got ${data.length}`);
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': ${shapeText}, }`;
  // pad so that the data starts on a 64-byte boundary, header ends with a newline
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  header = header.padEnd(total - 10 - 1, ' ') + '\n';
  const out = new Uint8Array(total + data.byteLength);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(new TextEncoder().encode(header), 10);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), total);
  return out;
}
