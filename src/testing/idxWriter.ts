import { gzipSync } from 'node:zlib';

const SIZES: Record<number, number> = { 0x08: 1, 0x09: 1, 0x0b: 2, 0x0c: 4, 0x0d: 4, 0x0e: 8 };

/**
 * Write an IDX file (for round-trip tests): magic 00 00 type ndims, big-endian uint32 dims, then
 * the values big-endian, optionally gzipped. Plain byte-by-byte code, independent of the reader.
 */
export function encodeIdx(values: ArrayLike<number>, dims: readonly number[], type = 0x08, gzip = false): Uint8Array {
  const size = SIZES[type];
  const header = 4 + 4 * dims.length;
  const out = new Uint8Array(header + values.length * size);
  const view = new DataView(out.buffer);
  out[2] = type;
  out[3] = dims.length;
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  for (let i = 0; i < values.length; i++) {
    const o = header + i * size;
    const v = values[i];
    if (type === 0x08) view.setUint8(o, v);
    else if (type === 0x09) view.setInt8(o, v);
    else if (type === 0x0b) view.setInt16(o, v, false);
    else if (type === 0x0c) view.setInt32(o, v, false);
    else if (type === 0x0d) view.setFloat32(o, v, false);
    else view.setFloat64(o, v, false);
  }
  return gzip ? new Uint8Array(gzipSync(out)) : out;
}
