import { describe, expect, it } from 'vitest';
import { RandomSource, UserError } from '../../src/core/index.js';
import {
  complexity,
  compressedLength,
  connectedComponents,
  powerSpectrum,
  equalWidthBins,
  spectralEntropy,
  totalVariation,
} from '../../src/analysis/index.js';
import { powerSpectrumReference } from '../../src/testing/index.js';

/** An h x w image from a function of (row, column). */
const image = (h: number, w: number, f: (i: number, j: number) => number) => Float32Array.from({ length: h * w }, (_, p) => f(Math.floor(p / w), p % w));
/** An image from rows of characters: '#' is 1, anything else 0. */
const drawn = (rows: string[]) => image(rows.length, rows[0].length, (i, j) => (rows[i][j] === '#' ? 1 : 0));

const line = image(8, 8, (i) => (i === 3 ? 1 : 0));
const checker = image(8, 8, (i, j) => ((i + j) % 2 === 0 ? 1 : -1));

describe('complexity closed forms', () => {
  it('complexity(constant) has TV 0, spectral entropy 0 and one component', () => {
    const c = complexity(new Float32Array(64).fill(0.7), 8, 8);
    expect(c.totalVariation).toBe(0);
    expect(c.spectralEntropy).toBe(0);
    expect(c.components).toBe(1);
  });

  it('complexity(zero image) has no component and TV 0', () => {
    const c = complexity(new Float32Array(64), 8, 8);
    expect(c.components).toBe(0);
    expect(c.totalVariation).toBe(0);
    expect(c.spectralEntropy).toBe(0);
  });

  it('totalVariation(line) is 2w and totalVariation(checkerboard) is 2 (h(w - 1) + (h - 1) w)', () => {
    expect(totalVariation(line, 8, 8)).toBe(16);
    expect(totalVariation(checker, 8, 8)).toBe(2 * (8 * 7 + 7 * 8));
    // on the torus every pixel has two forward neighbours
    expect(totalVariation(checker, 8, 8, true)).toBe(2 * 2 * 64);
    expect(totalVariation(checker, 8, 8)).toBeGreaterThan(totalVariation(line, 8, 8));
  });

  it('totalVariation(x) is invariant under scaling x by a nonzero constant', () => {
    const x = RandomSource.fromSeed(3).fillNormal(new Float64Array(30));
    expect(totalVariation(x.map((v) => -4 * v), 5, 6)).toBeCloseTo(totalVariation(x, 5, 6), 12);
  });

  it('spectralEntropy(line) is log2(h - 1) and spectralEntropy(checkerboard) is 0', () => {
    expect(spectralEntropy(line, 8, 8)).toBeCloseTo(Math.log2(7), 12);
    expect(spectralEntropy(checker, 8, 8)).toBe(0);
    expect(spectralEntropy(line, 8, 8)).toBeGreaterThan(spectralEntropy(checker, 8, 8));
  });

  it('spectralEntropy(impulse) is the maximum log2(hw - 1) and ignores an added constant', () => {
    const impulse = image(5, 6, (i, j) => (i === 2 && j === 1 ? 1 : 0));
    expect(spectralEntropy(impulse, 5, 6)).toBeCloseTo(Math.log2(29), 12);
    const x = RandomSource.fromSeed(4).fillNormal(new Float64Array(30));
    expect(spectralEntropy(x.map((v) => v + 5), 5, 6)).toBeCloseTo(spectralEntropy(x, 5, 6), 10);
  });

  it('powerSpectrum(x, h, w) agrees with the definition on a 5 x 7 image', () => {
    const x = RandomSource.fromSeed(5).fillNormal(new Float64Array(35));
    const fast = powerSpectrum(x, 5, 7);
    const ref = powerSpectrumReference(x, 5, 7);
    for (let k = 0; k < 35; k++) expect(fast[k]).toBeCloseTo(ref[k], 9);
  });

  for (const [h, w] of [[6, 8], [7, 5], [4, 1], [1, 6]]) {
    it(`powerSpectrum(x, ${h}, ${w}) agrees with the definition at every frequency and is even, P(-k) = P(k)`, () => {
      const x = RandomSource.fromSeed(h * 10 + w).fillNormal(new Float64Array(h * w));
      const fast = powerSpectrum(x, h, w);
      const ref = powerSpectrumReference(x, h, w);
      for (let k = 0; k < h * w; k++) expect(Math.abs(fast[k] - ref[k])).toBeLessThan(1e-9 * (1 + ref[k]));
      for (let k1 = 0; k1 < h; k1++) for (let k2 = 0; k2 < w; k2++) expect(fast[((h - k1) % h) * w + ((w - k2) % w)]).toBeCloseTo(fast[k1 * w + k2], 12);
    });
  }

  it('connectedComponents(x) counts hand-made shapes under 4- and 8-connectivity', () => {
    const diagonal = drawn(['#...', '.#..', '..#.', '...#']);
    expect(connectedComponents(diagonal, 4, 4)).toBe(1);
    expect(connectedComponents(diagonal, 4, 4, { connectivity: 4 })).toBe(4);
    const blobs = drawn(['##...#', '##...#', '......', '..#...', '.###..']);
    expect(connectedComponents(blobs, 5, 6)).toBe(3);
    // the two right-hand columns touch across the torus edge only when periodic
    const edges = drawn(['#...#', '#...#']);
    expect(connectedComponents(edges, 2, 5)).toBe(2);
    expect(connectedComponents(edges, 2, 5, { periodic: true })).toBe(1);
  });

  it('connectedComponents(x) thresholds |x| at t max|x|, counting negative lobes', () => {
    const x = Float32Array.from([1, 0, -0.9, 0, 0.4, 0, 0.6]);
    expect(connectedComponents(x, 1, 7)).toBe(3); // 1, -0.9, 0.6 exceed 0.5
    expect(connectedComponents(x, 1, 7, { threshold: 0.3 })).toBe(4);
    expect(connectedComponents(x, 1, 7, { threshold: 0.95 })).toBe(1);
  });

  it('compressedLength(blank) is shorter than compressedLength(random) and both are scale-invariant', () => {
    const blank = new Float32Array(28 * 28);
    const noise = RandomSource.fromSeed(6).fillUniform(new Float32Array(28 * 28));
    const b = compressedLength(blank, 28, 28);
    const r = compressedLength(noise, 28, 28);
    expect(b).toBeLessThan(20);
    // 8 levels carry 3 bits: entropy coding cannot go far below 784 * 3 / 8 = 294 bytes
    expect(r).toBeGreaterThan(280);
    expect(compressedLength(line, 8, 8)).toBeLessThan(compressedLength(noise.subarray(0, 64), 8, 8));
    expect(compressedLength(noise.map((v) => 3 * v + 1), 28, 28)).toBe(r);
  });

  it('equalWidthBins(x, 8) maps the range [min, max] onto bins 0..7 with the maximum in bin 7', () => {
    expect(Array.from(equalWidthBins([0, 0.125, 0.5, 0.99, 1], 8))).toEqual([0, 1, 4, 7, 7]);
    expect(Array.from(equalWidthBins([2, 2, 2], 8))).toEqual([0, 0, 0]);
  });

  it('complexity(x, h, w, options) rejects a wrong size, NaN and unknown options with a UserError', () => {
    expect(() => complexity(new Float32Array(10), 3, 3)).toThrow(/pixels has 10 values but h x w = 3 x 3/);
    expect(() => complexity(Float32Array.from([0, NaN, 0, 0]), 2, 2)).toThrow(UserError);
    expect(() => complexity(new Float32Array(4), 2, 2, { conectivity: 4 } as never)).toThrow(/unknown key/);
    expect(() => complexity(new Float32Array(4), 2, 2, { connectivity: 6 } as never)).toThrow(UserError);
  });
});
