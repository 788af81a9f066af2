import { describe, expect, it } from 'vitest';
import { imageStabilizer, torusStabilizer } from '../../src/actions/index.js';
import { p4m, torusTranslations } from '../../src/groups/index.js';
import { RandomSource } from '../../src/core/index.js';

/** A random image on the n x n torus made symmetric under a random few of p4m's elements (so that stabilizers are not all trivial). */
function symmetricImage(n: number, rng: RandomSource, levels: number): Float64Array {
  const G = p4m(n);
  const x = new Float64Array(n * n);
  for (let p = 0; p < x.length; p++) x[p] = rng.int(levels);
  const gens = Array.from({ length: rng.int(3) }, () => G.randomElement(rng).images);
  // average over orbits of <gens>: equal colour on each orbit of the chosen elements
  const seen = new Uint8Array(x.length);
  for (let p = 0; p < x.length; p++) {
    if (seen[p]) continue;
    const orbit = [p];
    seen[p] = 1;
    for (let k = 0; k < orbit.length; k++)
      for (const g of gens) {
        const q = g[orbit[k]];
        if (!seen[q]) {
          seen[q] = 1;
          orbit.push(q);
        }
      }
    for (const q of orbit) x[q] = x[p];
  }
  return x;
}

describe('torusStabilizer', () => {
  it('agrees with the enumerating imageStabilizer of p4m(n) and the torus translations on 150 random images, n = 3..9', () => {
    const rng = RandomSource.fromSeed(21);
    let nontrivial = 0;
    for (let t = 0; t < 150; t++) {
      const n = 3 + (t % 7);
      const x = symmetricImage(n, rng, 2 + (t % 3));
      const fast = torusStabilizer('p4m', x, n, n);
      const brute = imageStabilizer(p4m(n), x);
      expect(brute.method).toBe('enumerate');
      expect(fast.stabilizerOrder).toBe(brute.stabilizerOrder);
      expect(fast.orbitSize).toBe(brute.orbitSize);
      expect(torusStabilizer('translations', x, n, n).stabilizerOrder).toBe(imageStabilizer(torusTranslations(n, n), x).stabilizerOrder);
      if (brute.stabilizerOrder > 1n) nontrivial++;
    }
    expect(nontrivial).toBeGreaterThan(50);
  });

  it('rectangular translations and quantised levels agree with enumeration', () => {
    const rng = RandomSource.fromSeed(4);
    for (const [h, w] of [[3, 5], [4, 6], [6, 4], [2, 8]]) {
      for (let t = 0; t < 20; t++) {
        // periodic in one direction by construction half the time
        const x = new Float64Array(h * w);
        const pr = 1 + rng.int(h);
        for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) x[r * w + c] = t % 2 ? rng.fillUniform(new Float64Array(1))[0] : ((r % pr) * 7 + c * (t % 3)) % 5;
        expect(torusStabilizer('translations', x, h, w, { levels: 3 }).stabilizerOrder).toBe(imageStabilizer(torusTranslations(h, w), x, { levels: 3 }).stabilizerOrder);
      }
    }
  });

  it('closed cases: a constant image is fixed by all 8 n^2 elements; a single bright pixel by the 8 elements of D4 about it; stripes', () => {
    const n = 64;
    expect(torusStabilizer('p4m', new Float64Array(n * n), n, n).stabilizerOrder).toBe(BigInt(8 * n * n));
    const dot = new Float64Array(n * n);
    dot[5 * n + 9] = 1;
    const r = torusStabilizer('p4m', dot, n, n);
    expect(r.stabilizerOrder).toBe(8n);
    expect(r.orbitSize).toBe(BigInt(n * n));
    // vertical stripes of period 4: translations (any row shift) x (column shifts by multiples of 4) = n * n/4,
    // and the mirrors c -> -c + t that map the stripe pattern to itself: a coset of the same size; no rotation
    const stripes = new Float64Array(n * n);
    for (let p = 0; p < n * n; p++) stripes[p] = p % n % 4 === 0 ? 1 : 0;
    const s = torusStabilizer('p4m', stripes, n, n);
    expect(s.stabilizerOrder).toBe(BigInt(4 * n * (n / 4)));
    expect(s.pointGroupCosets).toBe(4);
  });

  it('refuses p4m on a non-square image and on tori of side below 3', () => {
    expect(() => torusStabilizer('p4m', new Float64Array(12), 3, 4)).toThrow(/square/);
    expect(() => torusStabilizer('p4m', new Float64Array(4), 2, 2)).toThrow(/coinciding/);
  });
});
