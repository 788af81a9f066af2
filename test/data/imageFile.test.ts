import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { encodeNpy, parseNpy } from '../../src/data/npy.js';
import { readImageFile } from '../../src/data/imageFile.js';

const dir = mkdtempSync(join(tmpdir(), 'orbitscope-img-'));

function npyHeader(descr: string, shape: string): Uint8Array {
  let h = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;
  h = h.padEnd(Math.ceil((h.length + 11) / 64) * 64 - 11, ' ') + '\n';
  const out = new Uint8Array(10 + h.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, h.length, true);
  out.set(new TextEncoder().encode(h), 10);
  return out;
}

describe('npy', () => {
  it('parseNpy(encodeNpy(x)) round-trips values and shape', () => {
    const x = Float32Array.from({ length: 24 }, (_, i) => i / 7 - 1);
    const a = parseNpy(encodeNpy(x, [2, 3, 4]), 'x.npy');
    expect(a.shape).toEqual([2, 3, 4]);
    expect(Array.from(a.data)).toEqual(Array.from(x));
  });

  it('parseNpy converts float64 and uint8 bodies', () => {
    const f8 = new Float64Array([0.5, -2.25]);
    const h = npyHeader('<f8', '(2,)');
    const bytes = new Uint8Array(h.length + 16);
    bytes.set(h);
    bytes.set(new Uint8Array(f8.buffer), h.length);
    expect(Array.from(parseNpy(bytes, 'a.npy').data)).toEqual([0.5, -2.25]);
    const u1 = npyHeader('|u1', '(3,)');
    const b2 = new Uint8Array(u1.length + 3);
    b2.set(u1);
    b2.set([0, 128, 255], u1.length);
    expect(Array.from(parseNpy(b2, 'b.npy').data)).toEqual([0, 128, 255]);
  });

  it('parseNpy names the file and the problem for bad input', () => {
    expect(() => parseNpy(new Uint8Array(20), 'z.npy')).toThrow(/z\.npy: not a \.npy file/);
    const h = npyHeader('<c8', '(2,)');
    expect(() => parseNpy(h, 'c.npy')).toThrow(/c\.npy: unsupported dtype <c8/);
    const t = npyHeader('<f4', '(4,)');
    expect(() => parseNpy(t, 't.npy')).toThrow(/t\.npy: body has 0 bytes/);
  });
});

describe('readImageFile', () => {
  it('readImageFile reads a PNG as luminance in [0, 1]', () => {
    const png = new PNG({ width: 2, height: 1 });
    png.data.set([255, 255, 255, 255, 255, 0, 0, 255]);
    const p = join(dir, 'a.png');
    writeFileSync(p, PNG.sync.write(png));
    const img = readImageFile(p);
    expect([img.height, img.width]).toEqual([1, 2]);
    expect(img.pixels[0]).toBeCloseTo(1, 6);
    expect(img.pixels[1]).toBeCloseTo(0.299, 6);
  });

  it('readImageFile reads a JSON array of rows and a 2-D .npy', () => {
    const j = join(dir, 'a.json');
    writeFileSync(j, '[[0,1,2],[3,4,5]]');
    expect(Array.from(readImageFile(j).pixels)).toEqual([0, 1, 2, 3, 4, 5]);
    const n = join(dir, 'a.npy');
    writeFileSync(n, encodeNpy(new Float32Array([1, 2, 3, 4]), [2, 2]));
    expect(readImageFile(n).width).toBe(2);
  });

  it('readImageFile rejects ragged rows, 3-D arrays, missing files and corrupt PNGs, naming the file', () => {
    const j = join(dir, 'ragged.json');
    writeFileSync(j, '[[0,1],[2]]');
    expect(() => readImageFile(j)).toThrow(/ragged\.json: row 1 has 1 values/);
    const n = join(dir, 'cube.npy');
    writeFileSync(n, encodeNpy(new Float32Array(8), [2, 2, 2]));
    expect(() => readImageFile(n)).toThrow(/cube\.npy: expected a 2-D array/);
    expect(() => readImageFile(join(dir, 'none.png'))).toThrow(/none\.png: cannot read \(ENOENT\)/);
    const bad = join(dir, 'bad.png');
    writeFileSync(bad, 'not a png');
    expect(() => readImageFile(bad)).toThrow(/bad\.png: not a readable PNG/);
  });
});
