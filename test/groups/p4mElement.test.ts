import { describe, expect, it } from 'vitest';
import { gridC4, gridD4, p4m } from '../../src/groups/index.js';
import { D4_ELEMENT_NAMES, d4Element, p4mElements, p4mLinearPart, p4mPermutation, p4mPermutations, p4mPoint, POINT_GROUP_D4, torusOriginGenerators, type P4mElement } from '../../src/groups/perm/p4mElement.js';
import { bruteForceElements, closureElements } from '../../src/testing/index.js';

const key = (p: ArrayLike<number>) => Array.from(p).join(',');

/** Every element of p4m(n) by its encoding: 4 rotations x mirror x n^2 shifts. */
function allElements(n: number): P4mElement[] {
  const out: P4mElement[] = [];
  for (let rotation = 0; rotation < 4; rotation++) for (const mirror of [false, true]) for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) out.push({ rotation, mirror, shift: [a, b] });
  return out;
}

describe('p4m elements (one encoding for data, groups and the explorer)', () => {
  it('p4mPermutation(n, g) over all 8 n^2 elements gives exactly the permutations of the brute-force oracle, and p4m(n) generates the same set', () => {
    for (const n of [3, 4, 6]) {
      const ours = new Set(allElements(n).map((g) => key(p4mPermutation(n, g))));
      const oracle = new Set(bruteForceElements(n, 'p4m').map(key));
      expect(ours.size).toBe(8 * n * n);
      expect([...ours].every((p) => oracle.has(p))).toBe(true);
      const group = new Set(closureElements(p4m(n).generators.map((g) => g.images), n * n).map(key));
      expect(group).toEqual(oracle);
    }
  });

  it('p4mElements(n) lists 8 n^2 elements and p4mPermutations(n) is p4mPermutation of each, in the same order', () => {
    for (const n of [1, 3, 5]) {
      const els = p4mElements(n);
      const perms = p4mPermutations(n);
      expect(els).toHaveLength(8 * n * n);
      expect(perms.map(key)).toEqual(els.map((g) => key(p4mPermutation(n, g))));
    }
  });

  it('POINT_GROUP_D4 holds the 8 names once each and is the oracle\'s D4 about the grid centre, which gridD4(n) generates; gridC4(n) is its 4 rotations', () => {
    expect(POINT_GROUP_D4.map((e) => e.name)).toEqual([...D4_ELEMENT_NAMES]);
    for (const n of [2, 5, 6]) {
      const ours = POINT_GROUP_D4.map((e) => key(p4mPermutation(n, e.element)));
      expect(new Set(ours).size).toBe(8);
      expect(new Set(ours)).toEqual(new Set(bruteForceElements(n, 'd4').map(key)));
      expect(new Set(closureElements(gridD4(n).generators.map((g) => g.images), n * n).map(key))).toEqual(new Set(ours));
      expect(new Set(closureElements(gridC4(n).generators.map((g) => g.images), n * n).map(key))).toEqual(new Set(ours.slice(0, 4)));
    }
  });

  it('the named elements do what their names say on a 5 x 5 grid (m = 4): r90 (r, c) -> (c, m-r), flip-h (r, m-c), flip-v (m-r, c), flip-diag (c, r), flip-anti (m-c, m-r)', () => {
    const n = 5;
    const m = n - 1;
    const expected: Record<string, (r: number, c: number) => [number, number]> = {
      e: (r, c) => [r, c],
      r90: (r, c) => [c, m - r],
      r180: (r, c) => [m - r, m - c],
      r270: (r, c) => [m - c, r],
      'flip-h': (r, c) => [r, m - c],
      'flip-v': (r, c) => [m - r, c],
      'flip-diag': (r, c) => [c, r],
      'flip-anti': (r, c) => [m - c, m - r],
    };
    for (const name of D4_ELEMENT_NAMES) for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) expect(p4mPoint(n, d4Element(name), r, c)).toEqual(expected[name](r, c));
  });

  it('p4mLinearPart(g): g(p) - g(0) = A p mod n for every element and pixel, with A a signed permutation matrix', () => {
    const n = 7;
    const mod = (a: number) => ((a % n) + n) % n;
    for (const g of allElements(n)) {
      const [a, b, c, d] = p4mLinearPart(g);
      expect(Math.abs(a * d - b * c)).toBe(1);
      expect([a, b, c, d].map(Math.abs).sort()).toEqual([0, 0, 1, 1]);
      const [r0, c0] = p4mPoint(n, g, 0, 0);
      for (let r = 0; r < n; r++) for (let q = 0; q < n; q++) expect(p4mPoint(n, g, r, q)).toEqual([mod(r0 + a * r + b * q), mod(c0 + c * r + d * q)]);
    }
  });

  it('torusOriginGenerators(n) are the quarter turn (r, c) -> (c, -r) and mirror (r, c) -> (r, -c) about pixel (0, 0), mod n', () => {
    for (const n of [1, 2, 5]) {
      const { quarterTurn, mirror } = torusOriginGenerators(n);
      for (let r = 0; r < n; r++) {
        for (let c = 0; c < n; c++) {
          expect(p4mPoint(n, quarterTurn, r, c)).toEqual([c, (n - r) % n]);
          expect(p4mPoint(n, mirror, r, c)).toEqual([r, (n - c) % n]);
        }
      }
    }
  });
});
