import { createHash } from 'node:crypto';

/** Hex SHA-256 of the pixel bytes followed by the label bytes (float32 / int32, little-endian as stored). */
export function datasetHash(pixels: Float32Array, labels?: Int32Array): string {
  const h = createHash('sha256');
  h.update(new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength));
  if (labels) h.update(new Uint8Array(labels.buffer, labels.byteOffset, labels.byteLength));
  return h.digest('hex');
}
