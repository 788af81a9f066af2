import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/core/random.js';
import { imageStabilizer } from '../../src/actions/imageStabilizer.js';
import { quantizeLevels } from '../../src/actions/quantize.js';
import { elementsByImage, elementsKeepingColor } from '../../src/actions/elementsByImage.js';
import { gridD4, p4m, torusTranslations } from '../../src/groups/perm/named.js';

describe('elementsByImage: the elements of a small group by where they send each point', () => {
  it('lists, for every point p and target t, exactly the elements with g(p) = t (|G|/n each in a transitive group)', () => {
    for (const G of [p4m(4), torusTranslations(3, 5), gridD4(3)]) {
      const n = G.degree;
      const { elements, order, start } = elementsByImage(G);
      const m = elements.length;
      expect(BigInt(m)).toBe(G.order());
      for (let p = 0; p < n; p++) {
        expect(start[p * (n + 1) + n]).toBe(m);
        for (let t = 0; t < n; t++) {
          const listed = Array.from(order.subarray(p * m + start[p * (n + 1) + t], p * m + start[p * (n + 1) + t + 1]));
          const expected = elements.flatMap((g, k) => (g.images[p] === t ? [k] : []));
          expect(listed).toEqual(expected);
        }
      }
    }
    // p4m(4) and translations are transitive: every target gets |G| / n elements
    const { start } = elementsByImage(p4m(4));
    for (let t = 0; t < 16; t++) expect(start[5 * 17 + t + 1] - start[5 * 17 + t]).toBe(8);
  });

  it('elementsKeepingColor: the increasing indices of the elements that keep the colour of p', () => {
    const G = p4m(5);
    const index = elementsByImage(G);
    const colour = Int32Array.from({ length: 25 }, (_, p) => (p % 7 === 0 ? 1 : 0));
    const kept = Array.from(elementsKeepingColor(index, colour, 7));
    expect(kept).toEqual(index.elements.flatMap((g, k) => (colour[g.images[7]] === 1 ? [k] : [])));
    expect(kept.length).toBe(4 * 8); // 4 pixels of colour 1, 8 elements onto each
  });
});

describe('imageStabilizer (enumerate) against testing every element', () => {
  it('finds the same stabilizer elements, in the same order, on random and structured images', () => {
    const rng = RandomSource.fromSeed(17);
    for (const [G, w] of [
      [p4m(6), 6],
      [torusTranslations(4, 6), 6],
      [gridD4(5), 5],
    ] as const) {
      const n = G.degree;
      const h = n / w;
      const images = [
        new Float32Array(n).fill(1),
        Float32Array.from({ length: n }, (_, p) => (p % w) % 2),
        Float32Array.from({ length: n }, (_, p) => Math.floor(p / w) === Math.floor(h / 2) ? 1 : 0),
        ...Array.from({ length: 8 }, () => Float32Array.from({ length: n }, () => rng.int(2))),
        ...Array.from({ length: 4 }, () => Float32Array.from({ length: n }, () => rng.normal())),
      ];
      for (const x of images) {
        for (const levels of [2, 3]) {
          const colour = quantizeLevels(x, levels);
          const brute = [...G.elements()].filter((g) => g.images.every((t, p) => colour[t] === colour[p]));
          const r = imageStabilizer(G, x, { levels });
          expect(r.stabilizerOrder).toBe(BigInt(brute.length));
          expect(r.stabilizer!.generators.map((g) => Array.from(g.images))).toEqual(brute.map((g) => Array.from(g.images)));
        }
      }
    }
  });
});
