import { describe, expect, it } from 'vitest';
import { loadDataset, parseDatasetSpec, loadMnistDigits } from '../../src/data/index.js';

describe('parseDatasetSpec', () => {
  it('parseDatasetSpec reads every kind with typed options', () => {
    expect(parseDatasetSpec('shapes')).toEqual({ kind: 'shapes', options: {} });
    expect(parseDatasetSpec('shapes:n=8,count=100,variant=continuous,noise=0.1,primitives=line:2+dot,seed=-3')).toEqual({
      kind: 'shapes',
      options: { n: 8, count: 100, variant: 'continuous', noise: 0.1, primitives: { line: 2, dot: 1 }, seed: -3 },
    });
    expect(parseDatasetSpec('mnist')).toEqual({ kind: 'mnist', options: {} });
    expect(parseDatasetSpec('idx:a.idx,b.idx')).toEqual({ kind: 'idx', images: 'a.idx', labels: 'b.idx', options: {} });
    expect(parseDatasetSpec('natural:photos,patch=16,whiten=true,epsilon=0.01')).toEqual({ kind: 'natural', dir: 'photos', options: { patch: 16, whiten: true, epsilon: 0.01 } });
    expect(parseDatasetSpec('npy:x.npy,height=4,width=7')).toEqual({ kind: 'npy', file: 'x.npy', options: { height: 4, width: 7 } });
  });

  it('parseDatasetSpec throws a UserError naming the unknown key or the bad value', () => {
    expect(() => parseDatasetSpec('shapes:size=8')).toThrow('data spec "shapes:size=8": unknown key "size" for shapes; known keys: n, count, seed, variant, noise, primitives, minPrimitives, maxPrimitives');
    expect(() => parseDatasetSpec('shapes:n=abc')).toThrow(/n must be an integer, got "abc"/);
    expect(() => parseDatasetSpec('shapes:n=3')).toThrow(/n must be an integer in \[6, 256\], got 3/);
    expect(() => parseDatasetSpec('shapes:variant=fuzzy')).toThrow(/variant must be one of binary, continuous, decorrelated, gl2, got "fuzzy"/);
    expect(() => parseDatasetSpec('shapes:noise=-1')).toThrow(/noise must be a number of at least 0, got -1$/);
    expect(() => parseDatasetSpec('shapes:primitives=line:x')).toThrow(/primitives must look like/);
    expect(() => parseDatasetSpec('shapes:n=8,n=9')).toThrow(/key "n" given twice/);
    expect(() => parseDatasetSpec('shapes:n')).toThrow(/expected key=value, got "n"/);
    expect(() => parseDatasetSpec('natural:dir,patch=65')).toThrow(/patch must be an integer in \[8, 64\], got 65/);
    expect(() => parseDatasetSpec('natural:dir,whiten=yes')).toThrow(/whiten must be true or false, got "yes"/);
    expect(() => parseDatasetSpec('natural')).toThrow(/natural needs a folder/);
    expect(() => parseDatasetSpec('mnist:seed=1')).toThrow(/unknown key "seed" for mnist/);
    expect(() => parseDatasetSpec('idx:a,b,c')).toThrow(/idx needs an images file and optionally a labels file, got 3 path/);
    expect(() => parseDatasetSpec('cifar')).toThrow(/unknown dataset "cifar"; expected one of shapes, mnist, idx, natural, npy/);
  });

  it('loadDataset("shapes:...") rejects unknown primitive names and minPrimitives above maxPrimitives', async () => {
    await expect(loadDataset('shapes:primitives=hexagon')).rejects.toThrow(/unknown binary primitive "hexagon"/);
    await expect(loadDataset('shapes:minPrimitives=3,maxPrimitives=2,count=5')).rejects.toThrow(/maxPrimitives must be in \[3, 16\], got 2/);
  });
});

describe('mnist', () => {
  it('loadMnistDigits() returns the 10,000 digits of the mnist package, 28 x 28 in [0, 1], classes interleaved', () => {
    const m = loadMnistDigits();
    expect(m.count).toBe(10_000);
    expect(m.pixels.length).toBe(10_000 * 784);
    expect(Array.from(m.labels.subarray(0, 12))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    const perClass = Array.from({ length: 10 }, (_, k) => m.labels.filter((l) => l === k).length);
    // the package's own counts per digit (cazala/mnist 1.1.0)
    expect(perClass).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of m.pixels) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    expect([lo, hi]).toEqual([0, 1]);
  });
});
