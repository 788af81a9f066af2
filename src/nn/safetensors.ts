import { halfToFloat } from '../core/float16.js';
import { InputRangeError, InputTypeError } from '../core/errors.js';

/** One tensor read from or written to a safetensors file. */
export interface NamedTensor {
  readonly dtype: 'F32' | 'I32';
  readonly shape: readonly number[];
  readonly data: Float32Array | Int32Array;
}

/** Element readers of the safetensors dtypes we convert to float32 (little-endian). */
const SIZE: Record<string, number> = { F64: 8, F32: 4, F16: 2, BF16: 2, I64: 8, I32: 4, I16: 2, I8: 1, U8: 1, BOOL: 1 };

function readElement(view: DataView, dtype: string, o: number): number {
  switch (dtype) {
    case 'F64': return view.getFloat64(o, true);
    case 'F32': return view.getFloat32(o, true);
    case 'F16': return halfToFloat(view.getUint16(o, true));
    case 'BF16': return new Float32Array(new Uint32Array([view.getUint16(o, true) << 16]).buffer)[0];
    case 'I64': return Number(view.getBigInt64(o, true));
    case 'I32': return view.getInt32(o, true);
    case 'I16': return view.getInt16(o, true);
    case 'I8': return view.getInt8(o);
    default: return view.getUint8(o);
  }
}

/** A parsed safetensors file: tensors by name (numbers converted to float32, I32 kept), and metadata. */
export interface SafetensorsFile {
  readonly tensors: Map<string, NamedTensor>;
  readonly metadata: Record<string, string>;
}

/**
 * Parse safetensors bytes (Hugging Face format: u64 little-endian header length N, N bytes of
 * JSON {name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {..}}, then the raw
 * little-endian data; offsets relative to the end of the header). Written by hand because the
 * format is a dozen lines and the npm readers pull in much more. Floats of every width become
 * float32; I32 stays Int32Array; other integer types become float32.
 */
export function parseSafetensors(bytes: Uint8Array, name: string): SafetensorsFile {
  if (bytes.length < 8) throw new InputTypeError(`${name}: not a safetensors file (shorter than its 8-byte header length)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = Number(view.getBigUint64(0, true));
  if (n > bytes.length - 8) throw new InputTypeError(`${name}: not a safetensors file (header length ${n} exceeds the file)`);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n))) as Record<string, unknown>;
  } catch {
    throw new InputTypeError(`${name}: not a safetensors file (header is not JSON)`);
  }
  const body = 8 + n;
  const tensors = new Map<string, NamedTensor>();
  let metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(header)) {
    if (key === '__metadata__') {
      metadata = (value ?? {}) as Record<string, string>;
      continue;
    }
    const v = value as { dtype?: string; shape?: number[]; data_offsets?: [number, number] };
    if (typeof v.dtype !== 'string' || !Array.isArray(v.shape) || !Array.isArray(v.data_offsets)) throw new InputTypeError(`${name}: tensor "${key}" has a malformed header entry`);
    const size = SIZE[v.dtype];
    if (size === undefined) throw new InputTypeError(`${name}: tensor "${key}" has unsupported dtype ${v.dtype}`);
    const count = v.shape.reduce((a, b) => a * b, 1);
    const [begin, end] = v.data_offsets;
    if (end - begin !== count * size || body + end > bytes.length || begin < 0) {
      throw new InputRangeError(`${name}: tensor "${key}" of shape [${v.shape.join(', ')}] ${v.dtype} needs ${count * size} bytes, offsets give ${end - begin} (file has ${bytes.length - body} data bytes)`);
    }
    const data = v.dtype === 'I32' ? new Int32Array(count) : new Float32Array(count);
    for (let i = 0; i < count; i++) data[i] = readElement(view, v.dtype, body + begin + i * size);
    tensors.set(key, { dtype: v.dtype === 'I32' ? 'I32' : 'F32', shape: v.shape, data });
  }
  return { tensors, metadata };
}

/** Serialise float32/int32 tensors and string metadata as safetensors bytes (header padded to 8 bytes). */
export function encodeSafetensors(tensors: Record<string, NamedTensor>, metadata: Record<string, string> = {}): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  const entries = Object.entries(tensors);
  for (const [key, t] of entries) {
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (count !== t.data.length) throw new InputRangeError(`encodeSafetensors: tensor "${key}" has shape [${t.shape.join(', ')}] but ${t.data.length} values`);
    header[key] = { dtype: t.dtype, shape: [...t.shape], data_offsets: [offset, offset + t.data.byteLength] };
    offset += t.data.byteLength;
  }
  const raw = new TextEncoder().encode(JSON.stringify(header));
  const head = new Uint8Array(raw.length + ((8 - (raw.length % 8)) % 8)).fill(0x20);
  head.set(raw);
  const out = new Uint8Array(8 + head.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  let o = 8 + head.length;
  for (const [, t] of entries) {
    out.set(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength), o);
    o += t.data.byteLength;
  }
  return out;
}
