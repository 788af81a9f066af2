import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeNpy, loadDataset, readNpyImages } from '../../src/data/index.js';

const dir = mkdtempSync(join(tmpdir(), 'orbitscope-npy-'));
function npy(name: string, data: Float32Array, shape: number[]): string {
  const p = join(dir, name);
  writeFileSync(p, encodeNpy(data, shape));
  return p;
}
const ramp = (n: number) => Float32Array.from({ length: n }, (_, i) => i / 10);

describe('readNpyImages', () => {
  it('readNpyImages(file) reads (N, h, w) as N images of h x w', () => {
    const r = readNpyImages(npy('a.npy', ramp(2 * 3 * 5), [2, 3, 5]));
    expect([r.count, r.height, r.width]).toEqual([2, 3, 5]);
    expect(Array.from(r.pixels)).toEqual(Array.from(ramp(30)));
  });

  it('readNpyImages(file) reads (N, h*w) as square images, or as h x w when given', () => {
    const sq = readNpyImages(npy('b.npy', ramp(3 * 16), [3, 16]));
    expect([sq.count, sq.height, sq.width]).toEqual([3, 4, 4]);
    const rect = readNpyImages(npy('c.npy', ramp(2 * 6), [2, 6]), { height: 2 });
    expect([rect.count, rect.height, rect.width]).toEqual([2, 2, 3]);
  });

  it('loadDataset("npy:FILE,height=H,width=W") passes the dimensions through', async () => {
    const f = npy('d.npy', ramp(4 * 10), [4, 10]);
    const d = await loadDataset(`npy:${f},height=5,width=2`);
    expect([d.count, d.height, d.width]).toEqual([4, 5, 2]);
  });

  it('readNpyImages rejects non-square rows, bad rank, NaN, Inf, mismatched dims and unsupported dtypes, naming the file', () => {
    const ns = npy('ns.npy', ramp(2 * 6), [2, 6]);
    expect(() => readNpyImages(ns)).toThrow(`${ns}: rows of 6 values are not square images; give height= and width=`);
    expect(() => readNpyImages(ns, { height: 4 })).toThrow(/rows of 6 values do not make 4 x \? images/);
    const r1 = npy('r1.npy', ramp(5), [5]);
    expect(() => readNpyImages(r1)).toThrow(`${r1}: expected an array of rank 2 (N, h*w), 3 (N, h, w) or 4 (N, C, h, w), got rank 1 (5)`);
    const r5 = npy('r5.npy', ramp(32), [2, 2, 2, 2, 2]);
    expect(() => readNpyImages(r5)).toThrow(/got rank 5/);
    const r4 = npy('r4.npy', ramp(24), [2, 3, 2, 2]);
    expect(readNpyImages(r4)).toMatchObject({ count: 2, channels: 3, height: 2, width: 2 });
    const nan = npy('nan.npy', Float32Array.from([0, 1, NaN, 2]), [1, 2, 2]);
    expect(() => readNpyImages(nan)).toThrow(`${nan}: non-finite value (NaN) at image 0, pixel 2`);
    const inf = npy('inf.npy', Float32Array.from([0, 1, 2, 3, 4, Infinity, 0, 0]), [2, 4]);
    expect(() => readNpyImages(inf)).toThrow(`${inf}: non-finite value (Infinity) at image 1, pixel 1`);
    const three = npy('three.npy', ramp(12), [2, 2, 3]);
    expect(() => readNpyImages(three, { height: 3 })).toThrow(/array is \(2, 2, 3\), but height=3/);
    const c8 = encodeNpy(ramp(4), [1, 2, 2]);
    const text = new TextDecoder('latin1').decode(c8).replace("'<f4'", "'<c8'");
    const cplx = join(dir, 'complex.npy');
    writeFileSync(cplx, Buffer.from(text, 'latin1'));
    expect(() => readNpyImages(cplx)).toThrow(`${cplx}: unsupported dtype <c8`);
    expect(() => readNpyImages(join(dir, 'missing.npy'))).toThrow(/missing\.npy: cannot read \(ENOENT\)/);
  });
});
