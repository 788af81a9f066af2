import { describe, expect, it } from 'vitest';
import fixtures from '../fixtures/colourings.json' with { type: 'json' };
import { countColorings, orbitsBySize, gridC4, gridD4, p4m, torusTranslations, cyclic, symmetric, PermGroup } from '../../src/groups/index.js';
import { bruteColoringOrbits, closureElements } from '../../src/testing/index.js';

const pixelGroup = (name: string, n: number): PermGroup =>
  name === 'd4' ? gridD4(n) : name === 'c4' ? gridC4(n) : name === 'p4m' ? p4m(n) : torusTranslations(n, n);

describe('countColourings (Burnside)', () => {
  for (const f of fixtures.counts) {
    it(`countColorings(${f.group}(n), 2) for n = 1..5 is ${f.values.join(', ')} (${f.source.split(':')[0]})`, () => {
      expect([1, 2, 3, 4, 5].map((n) => countColorings(pixelGroup(f.group, n), f.colors).toString())).toEqual(f.values);
    });
  }

  it('countColorings(cyclic(n), K) counts necklaces: 3 colours, 6 beads -> 130', () => {
    // OEIS A027375 row / necklace formula (1/n) sum_{d|n} phi(d) K^{n/d}: (729 + 27 + 2*9 + 2*3)/6 = 130
    expect(countColorings(cyclic(6), 3)).toBe(130n);
  });
});

describe('orbitsBySize', () => {
  const cases: [string, PermGroup, number][] = [
    ['gridD4(3)', gridD4(3), 2],
    ['gridC4(3)', gridC4(3), 2],
    ['torusTranslations(2,3)', torusTranslations(2, 3), 3],
    ['p4m(3)', p4m(3), 2],
    ['gridD4(2)', gridD4(2), 4],
    ['S_5', symmetric(5), 3],
  ];
  for (const [name, G, K] of cases) {
    it(`orbitsBySize(${name}, ${K}) equals the orbits found by enumerating every colouring`, () => {
      const elements = closureElements(G.generators.map((g) => g.images), G.degree);
      const brute = bruteColoringOrbits(elements, G.degree, K);
      const fast = orbitsBySize(G, K);
      expect(new Map([...fast].map(([s, c]) => [Number(s), Number(c)]))).toEqual(brute);
    });
  }

  it('orbitsBySize(gridD4(5), 2) sums to the Burnside count 4211744 and sizes divide 8', () => {
    const m = orbitsBySize(gridD4(5), 2);
    expect([...m.values()].reduce((a, b) => a + b, 0n)).toBe(4211744n);
    for (const s of m.keys()) expect(8n % s).toBe(0n);
    let colorings = 0n;
    for (const [s, c] of m) colorings += s * c;
    expect(colorings).toBe(2n ** 25n);
  });

  it('orbitsBySize(p4m(6), 2) is consistent with Burnside and with the number of colourings', () => {
    const G = p4m(6);
    const m = orbitsBySize(G, 2);
    expect([...m.values()].reduce((a, b) => a + b, 0n)).toBe(countColorings(G, 2));
    let colorings = 0n;
    for (const [s, c] of m) colorings += s * c;
    expect(colorings).toBe(2n ** 36n);
  });
});
