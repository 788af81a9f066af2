import { describe, expect, it } from 'vitest';
import { alternating, cyclic, dihedral, gridC4, gridD4, p4m, parseGeneratorsFile, symmetric, torusTranslations, PermGroup } from '../../src/groups/index.js';
import { UserError } from '../../src/core/index.js';
import { closureElements } from '../../src/testing/index.js';

const fact = (n: number): bigint => (n <= 1 ? 1n : BigInt(n) * fact(n - 1));

/** The order computed from the generators alone (no known order given). */
const computed = (G: PermGroup) => new PermGroup(G.generators, G.degree, { method: 'deterministic' }).order();

describe('named groups', () => {
  it('symmetric(n), alternating(n), cyclic(n), dihedral(n) have orders n!, n!/2, n, 2n computed from their generators', () => {
    for (let n = 3; n <= 9; n++) {
      expect(computed(symmetric(n))).toBe(fact(n));
      expect(computed(alternating(n))).toBe(fact(n) / 2n);
      expect(computed(cyclic(n))).toBe(BigInt(n));
      expect(computed(dihedral(n))).toBe(BigInt(2 * n));
    }
  });

  it('torusTranslations(h, w), gridC4(n), gridD4(n), p4m(n) have orders hw, 4, 8, 8n^2 computed from their generators', () => {
    expect(computed(torusTranslations(3, 5))).toBe(15n);
    for (let n = 2; n <= 6; n++) {
      expect(computed(gridC4(n))).toBe(4n);
      expect(computed(gridD4(n))).toBe(8n);
    }
    for (let n = 3; n <= 7; n++) expect(computed(p4m(n))).toBe(BigInt(8 * n * n));
  });

  it('torusTranslations(h, w) moves pixel p = row*w + col to the next row and the next column', () => {
    const [down, right] = torusTranslations(3, 4).generators;
    expect(down.image(1 * 4 + 2)).toBe(2 * 4 + 2);
    expect(down.image(2 * 4 + 2)).toBe(0 * 4 + 2);
    expect(right.image(1 * 4 + 3)).toBe(1 * 4 + 0);
  });

  it('gridD4(n) maps the corners of the grid to corners and fixes the centre of an odd grid', () => {
    const G = gridD4(5);
    const corners = [0, 4, 20, 24];
    const elements = closureElements(G.generators.map((g) => g.images), 25);
    for (const g of elements) {
      expect(g[12]).toBe(12);
      for (const c of corners) expect(corners).toContain(g[c]);
    }
  });

  it('p4m(n) contains the torus translations and the grid D4 about the grid centre', () => {
    const P = p4m(4);
    for (const t of torusTranslations(4, 4).generators) expect(P.contains(t)).toBe(true);
    // the grid's D4 about the grid centre is a translate-conjugate of p4m's point group: contained
    for (const g of gridD4(4).generators) expect(P.contains(g)).toBe(true);
  });

  it('D4 acting on the cells of a 28 x 28 grid has 105 orbits', () => {
    expect(gridD4(28).orbits().length).toBe(105);
  });

  it('parseGeneratorsFile reads one generator per line with # comments and names the file and line on errors', () => {
    const G = parseGeneratorsFile('# M11\n(1,2,3,4,5,6,7,8,9,10,11)\n\n(3,7,11,8)(4,10,5,6)  # second\n', 'm11.txt');
    expect(G.order()).toBe(7920n);
    expect(() => parseGeneratorsFile('(1,2)\n(1,2,\n', 'f.txt')).toThrow(/f\.txt, line 2: malformed/);
    expect(() => parseGeneratorsFile('# nothing\n', 'f.txt')).toThrow(UserError);
    expect(() => parseGeneratorsFile('(1,5)\n', 'f.txt', 4)).toThrow(/point 5 .*outside degree 4/);
  });
});
