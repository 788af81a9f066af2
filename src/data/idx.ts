import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { InputRangeError, InputTypeError, UserError } from '../core/errors.js';

/** An IDX array (LeCun's MNIST file format): element type code, dimensions and values. */
export interface IdxArray {
  /** 0x08 ubyte, 0x09 sbyte, 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64 (big-endian). */
  readonly type: number;
  readonly dims: readonly number[];
  /** The values as stored (no scaling), row-major. */
  readonly data: Float64Array;
}

const TYPES: Record<number, { name: string; size: number; read: (v: DataView, o: number) => number }> = {
  0x08: { name: 'ubyte', size: 1, read: (v, o) => v.getUint8(o) },
  0x09: { name: 'sbyte', size: 1, read: (v, o) => v.getInt8(o) },
  0x0b: { name: 'int16', size: 2, read: (v, o) => v.getInt16(o, false) },
  0x0c: { name: 'int32', size: 4, read: (v, o) => v.getInt32(o, false) },
  0x0d: { name: 'float32', size: 4, read: (v, o) => v.getFloat32(o, false) },
  0x0e: { name: 'float64', size: 8, read: (v, o) => v.getFloat64(o, false) },
};

/** Read a file's bytes, gunzipping when it starts with the gzip magic 1f 8b. */
export function readMaybeGzip(path: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new UserError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes);
    } catch (e) {
      throw new InputTypeError(`${path}: gzip data is corrupt or truncated (${(e as Error).message})`);
    }
  }
  return bytes;
}

/**
 * Parse IDX bytes (already gunzipped): magic 00 00 TYPE NDIMS, NDIMS big-endian uint32 sizes,
 * then the values big-endian. `name` is the file, for messages. The body must have exactly the
 * length the dimensions imply.
 */
export function parseIdx(bytes: Uint8Array, name: string): IdxArray {
  if (bytes.length < 4) throw new InputTypeError(`${name}: not an IDX file: ${bytes.length} bytes, the header alone needs 4`);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    const hex = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new InputTypeError(`${name}: not an IDX file: magic number starts ${hex}, expected 00 00 <type> <ndims>`);
  }
  const type = TYPES[bytes[2]];
  if (!type) throw new InputTypeError(`${name}: IDX element type 0x${bytes[2].toString(16).padStart(2, '0')} is unknown; expected 08, 09, 0b, 0c, 0d or 0e`);
  const ndims = bytes[3];
  if (ndims === 0) throw new InputRangeError(`${name}: IDX header says 0 dimensions`);
  const headerLength = 4 + 4 * ndims;
  if (bytes.length < headerLength) throw new InputRangeError(`${name}: IDX header truncated: ${ndims} dimensions need ${headerLength} header bytes, file has ${bytes.length}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = Array.from({ length: ndims }, (_, i) => view.getUint32(4 + 4 * i, false));
  const count = dims.reduce((a, b) => a * b, 1);
  const need = count * type.size;
  const body = bytes.length - headerLength;
  if (body < need) throw new InputRangeError(`${name}: IDX body truncated: dimensions (${dims.join(' x ')}) of ${type.name} need ${need} bytes, found ${body}`);
  if (body > need) throw new InputRangeError(`${name}: IDX file too long: dimensions (${dims.join(' x ')}) of ${type.name} need ${need} bytes, found ${body}`);
  const data = new Float64Array(count);
  if (type.size === 1 && bytes[2] === 0x08) data.set(bytes.subarray(headerLength));
  else for (let i = 0; i < count; i++) data[i] = type.read(view, headerLength + i * type.size);
  return { type: bytes[2], dims, data };
}

/** Images and optional labels read from IDX files. */
export interface IdxImages {
  readonly count: number;
  readonly height: number;
  readonly width: number;
  readonly pixels: Float32Array;
  readonly labels?: Int32Array;
}

/**
 * Read an IDX image file (N x h x w; gzip or plain) and optionally an IDX label file (N).
 * ubyte images are scaled to [0, 1] (divided by 255); other element types are kept as stored
 * and must be finite. Labels must be integers. Throws UserError naming the file and the problem.
 */
export function readIdxImages(imagesPath: string, labelsPath?: string): IdxImages {
  const img = parseIdx(readMaybeGzip(imagesPath), imagesPath);
  if (img.dims.length !== 3) throw new InputRangeError(`${imagesPath}: expected IDX images of 3 dimensions (N x h x w), got ${img.dims.length} (${img.dims.join(' x ')})`);
  const [count, height, width] = img.dims;
  if (count === 0 || height === 0 || width === 0) throw new InputRangeError(`${imagesPath}: empty IDX images (${img.dims.join(' x ')})`);
  const pixels = new Float32Array(img.data.length);
  const scale = img.type === 0x08 ? 1 / 255 : 1;
  for (let i = 0; i < pixels.length; i++) {
    const v = img.data[i];
    if (!Number.isFinite(v)) throw new InputRangeError(`${imagesPath}: non-finite value (${v}) at image ${Math.floor(i / (height * width))}, pixel ${i % (height * width)}`);
    pixels[i] = v * scale;
  }
  if (labelsPath === undefined) return { count, height, width, pixels };
  const lab = parseIdx(readMaybeGzip(labelsPath), labelsPath);
  if (lab.dims.length !== 1) throw new InputRangeError(`${labelsPath}: expected IDX labels of 1 dimension, got ${lab.dims.length} (${lab.dims.join(' x ')})`);
  if (lab.dims[0] !== count) throw new InputRangeError(`${labelsPath}: ${lab.dims[0]} labels for ${count} images in ${imagesPath}`);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const v = lab.data[i];
    if (!Number.isInteger(v)) throw new InputRangeError(`${labelsPath}: label ${i} is ${v}, not an integer`);
    labels[i] = v;
  }
  return { count, height, width, pixels, labels };
}
