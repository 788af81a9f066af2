import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadDataset, parseIdx, readIdxImages } from '../../src/data/index.js';
import { encodeIdx } from '../../src/testing/index.js';

const dir = mkdtempSync(join(tmpdir(), 'orbitscope-idx-'));
function file(name: string, bytes: Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

const N = 5;
const H = 4;
const W = 3;
const bytes = Uint8Array.from({ length: N * H * W }, (_, i) => (i * 37) % 256);
const labels = Uint8Array.from({ length: N }, (_, i) => (i * 3) % 10);

describe('idx', () => {
  for (const gzip of [false, true]) {
    it(`readIdxImages(images, labels) round-trips ${gzip ? 'gzipped' : 'plain'} ubyte files, scaling pixels to [0, 1]`, () => {
      const img = file(`img${gzip}.idx`, encodeIdx(bytes, [N, H, W], 0x08, gzip));
      const lab = file(`lab${gzip}.idx`, encodeIdx(labels, [N], 0x08, gzip));
      const r = readIdxImages(img, lab);
      expect([r.count, r.height, r.width]).toEqual([N, H, W]);
      expect(Array.from(r.pixels)).toEqual(Array.from(bytes, (b) => Math.fround(b / 255)));
      expect(Array.from(r.labels!)).toEqual(Array.from(labels));
    });
  }

  it('parseIdx reads big-endian float32, int16 and float64 bodies as stored', () => {
    const vals = [1.5, -2.25, 1e3, 0];
    expect(Array.from(parseIdx(encodeIdx(vals, [2, 2], 0x0d), 'f.idx').data)).toEqual(vals);
    expect(Array.from(parseIdx(encodeIdx([-300, 7, 0, 32767], [4], 0x0b), 's.idx').data)).toEqual([-300, 7, 0, 32767]);
    expect(Array.from(parseIdx(encodeIdx([Math.PI, -1], [2], 0x0e), 'd.idx').data)).toEqual([Math.PI, -1]);
  });

  it('loadDataset("idx:IMAGES,LABELS,count=2") keeps the first two samples and hashes them', async () => {
    const img = file('a.idx.gz', encodeIdx(bytes, [N, H, W], 0x08, true));
    const lab = file('a-labels.idx', encodeIdx(labels, [N], 0x08));
    const d = await loadDataset(`idx:${img},${lab},count=2`);
    expect([d.count, d.height, d.width, d.pixels.length]).toEqual([2, H, W, 2 * H * W]);
    expect(Array.from(d.labels!)).toEqual([0, 3]);
    expect(d.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  describe('readIdxImages rejects malformed files naming the file and the problem', () => {
    const good = encodeIdx(bytes, [N, H, W]);
    const cases: Array<[string, Uint8Array, RegExp]> = [
      ['wrong magic', Uint8Array.from([0x08, 0x03, 0, 0, ...good.subarray(4)]), /not an IDX file: magic number starts 08 03 00 00/],
      ['unknown type', Uint8Array.from([0, 0, 0x07, 3, ...good.subarray(4)]), /element type 0x07 is unknown/],
      ['truncated header', good.subarray(0, 9), /IDX header truncated: 3 dimensions need 16 header bytes, file has 9/],
      ['truncated body', good.subarray(0, good.length - 7), /IDX body truncated: dimensions \(5 x 4 x 3\) of ubyte need 60 bytes, found 53/],
      ['trailing bytes', Uint8Array.from([...good, 1, 2]), /IDX file too long: .* need 60 bytes, found 62/],
      ['wrong rank', encodeIdx(bytes, [N, H * W]), /expected IDX images of 3 dimensions \(N x h x w\), got 2/],
      ['too short', Uint8Array.from([0, 0]), /not an IDX file: 2 bytes/],
      ['corrupt gzip', gzipSync(good).subarray(0, 30), /gzip data is corrupt or truncated/],
      ['NaN values', encodeIdx([NaN, ...Array(N * H * W - 1).fill(0)], [N, H, W], 0x0d), /non-finite value \(NaN\) at image 0, pixel 0/],
    ];
    for (const [what, b, msg] of cases) {
      it(`${what}`, () => {
        const p = file(`bad-${what.replace(/ /g, '-')}.idx`, b);
        expect(() => readIdxImages(p)).toThrow(msg);
        expect(() => readIdxImages(p)).toThrow(p);
      });
    }

    it('labels of the wrong count or rank', () => {
      const img = file('ok.idx', good);
      const few = file('few.idx', encodeIdx([1, 2], [2]));
      const rank2 = file('rank2.idx', encodeIdx([1, 2, 3, 4, 5], [5, 1]));
      expect(() => readIdxImages(img, few)).toThrow(`${few}: 2 labels for 5 images in ${img}`);
      expect(() => readIdxImages(img, rank2)).toThrow(/expected IDX labels of 1 dimension, got 2/);
    });

    it('a missing file', () => {
      expect(() => readIdxImages(join(dir, 'nope.idx'))).toThrow(/nope\.idx: cannot read \(ENOENT\)/);
    });
  });
});
