// Giant recognition, direct products and Schreier-tree transversals, checked against orders from
// the literature and against the deterministic Schreier-Sims (which uses neither shortcut).
import { describe, expect, it } from 'vitest';
import {
  Perm,
  PermGroup,
  chainFootprint,
  deterministicChain,
  chainOrder,
  recognizeGiant,
  transversalElement,
  inverseTransversalElement,
  transversalPolicy,
  treeDepthBound,
  shortcutCap,
  sift,
  factorial,
  type StabChain,
} from '../../src/groups/index.js';
import { RandomSource } from '../../src/core/index.js';

const cycle = (pts: number[]) => `(${pts.join(',')})`;
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/** S_n on points a..a+n-1 from a transposition and an n-cycle. */
const symGens = (a: number, n: number) => [cycle([a, a + 1]), cycle(range(a, a + n - 1))];
/** A_n on points a.. from the 3-cycles (a, a+1, a+k). */
const altGens = (a: number, n: number) => range(2, n - 1).map((k) => cycle([a, a + 1, a + k]));

/** C2 wr S_n on 2n points: swap inside block 1, and S_n on the blocks {2i-1, 2i}. */
function wreathC2(n: number): string[] {
  const odd = range(0, n - 1).map((i) => 2 * i + 1);
  const even = odd.map((p) => p + 1);
  return ['(1,2)', '(1,3)(2,4)', cycle(odd) + cycle(even)];
}

/** PSL(3,p), p prime, on the p^2+p+1 points of the projective plane, from the elementary transvections of SL(3,p). */
function psl3(p: number): { gens: string[]; degree: number; order: bigint } {
  const points: number[][] = [];
  const key = (v: number[]) => {
    // normalise: first non-zero coordinate 1
    const i = v.findIndex((x) => x !== 0);
    let inv = 1;
    while ((v[i] * inv) % p !== 1) inv++;
    return v.map((x) => (x * inv) % p).join(',');
  };
  const index = new Map<string, number>();
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) for (let c = 0; c < p; c++) {
    if (a === 0 && b === 0 && c === 0) continue;
    const k = key([a, b, c]);
    if (index.has(k)) continue;
    index.set(k, points.length);
    points.push([a, b, c]);
  }
  const transvection = (i: number, j: number) => {
    const images = points.map((v) => {
      const w = v.slice();
      w[j] = (w[j] + w[i]) % p;
      return index.get(key(w))!;
    });
    return Perm.fromImages(images).toString();
  };
  const P = BigInt(p);
  const order = (P ** 3n * (P ** 3n - 1n) * (P ** 2n - 1n)) / ((P - 1n) % 3n === 0n ? 3n : 1n);
  return { gens: [transvection(0, 1), transvection(1, 0), transvection(1, 2), transvection(2, 1)], degree: points.length, order };
}

const M11 = ['(1,2,3,4,5,6,7,8,9,10,11)', '(3,7,11,8)(4,10,5,6)'];
const M12 = ['(1,2,3,4,5,6,7,8,9,10,11)', '(3,7,11,8)(4,10,5,6)', '(1,12)(2,11)(3,6)(4,8)(5,9)(7,10)'];
const M23 = [cycle(range(1, 23)), '(3,17,10,7,9)(4,13,14,19,5)(8,18,11,12,23)(15,20,22,21,16)'];

describe('orders from the literature', () => {
  const cases: [string, string[], number, bigint][] = [
    ['M11', M11, 11, 7920n],
    ['M12', M12, 12, 95040n],
    ['M23', M23, 23, 10200960n],
    ['S_12', symGens(1, 12), 12, factorial(12)],
    ['A_13', altGens(1, 13), 13, factorial(13) / 2n],
    ['C2 wr S_6', wreathC2(6), 12, 2n ** 6n * 720n],
    ['S_6 x S_6', [...symGens(1, 6), ...symGens(7, 6)], 12, 720n * 720n],
    ['S_4^5', range(0, 4).flatMap((k) => symGens(4 * k + 1, 4)), 20, 24n ** 5n],
    ['A_9 x M11 x C_5 with fixed points', [...altGens(1, 9), ...M11.map((g) => g.replace(/\d+/g, (d) => String(Number(d) + 9))), cycle(range(21, 25))], 27, (factorial(9) / 2n) * 7920n * 5n],
  ];
  for (const p of [2, 3, 5, 7]) {
    const { gens, degree, order } = psl3(p);
    cases.push([`PSL(3,${p}) on ${degree} points`, gens, degree, order]);
  }
  for (const [name, gens, degree, order] of cases) {
    it(`${name} has order ${order} (structure-aware and deterministic agree)`, () => {
      expect(PermGroup.fromCycles(gens, degree).order()).toBe(order);
      expect(PermGroup.fromCycles(gens, degree, { method: 'deterministic' }).order()).toBe(order);
    });
  }
});

describe('giant recognition (Jordan witness, closed forms)', () => {
  it('recognizeGiant names S_n and A_n for n = 8..40 and never a proper transitive group', () => {
    for (let n = 8; n <= 40; n++) {
      const S = PermGroup.fromCycles(symGens(1, n), n).generators.map((g) => g.images);
      const A = PermGroup.fromCycles(altGens(1, n), n).generators.map((g) => g.images);
      const rs = recognizeGiant(n, S);
      const ra = recognizeGiant(n, A);
      expect(rs?.kind).toBe('symmetric');
      expect(ra?.kind).toBe('alternating');
      // the witness really has a cycle of the stated prime length, above n/2 and below n-2
      const cyc = Perm.unsafeWrap(rs!.witness).toString().match(/\(([^)]*)\)/g)!.map((c) => c.split(',').length);
      expect(cyc).toContain(rs!.prime);
      expect(rs!.prime > n / 2 && rs!.prime < n - 2).toBe(true);
    }
    for (const [gens, n] of [[M12, 12], [M23, 23], [wreathC2(8), 16], [psl3(5).gens, 31]] as [string[], number][]) {
      expect(recognizeGiant(n, PermGroup.fromCycles(gens, n).generators.map((g) => g.images))).toBeUndefined();
    }
    // intransitive on its moved points: not a giant
    expect(recognizeGiant(20, PermGroup.fromCycles([...symGens(1, 10), ...symGens(11, 10)], 20).generators.map((g) => g.images))).toBeUndefined();
  });

  it('a giant on part of the points answers order, membership, base and stabilizers like the deterministic chain', () => {
    const rng = RandomSource.fromSeed(3);
    for (const [kind, gens] of [['S', symGens(3, 9)], ['A', altGens(3, 10)]] as const) {
      const n = 14;
      const G = PermGroup.fromCycles(gens, n);
      const D = PermGroup.fromCycles(gens, n, { method: 'deterministic' });
      expect(G.certificate()).toBe('giant');
      expect(G.order()).toBe(D.order());
      // the closed-form base and strong generators are a base and SGS: a deterministic chain with that base has the same order and as many levels
      const sgs = G.strongGenerators();
      const chain = deterministicChain(n, sgs.map((g) => g.images), G.base());
      expect(chainOrder(chain)).toBe(G.order());
      expect(chain.levels.length).toBe(G.base().length);
      for (let t = 0; t < 40; t++) {
        const g = Perm.fromImages(rng.permutation(n));
        expect(G.contains(g)).toBe(D.contains(g));
        const d = D.strongGenerators()[rng.int(D.strongGenerators().length)];
        expect(G.contains(d)).toBe(true);
      }
      for (const pts of [[2], [2, 5], [0, 4, 7], [3, 4, 5, 6, 7, 8, 9, 10, 11]]) {
        expect(G.pointwiseStabilizer(pts).order()).toBe(D.pointwiseStabilizer(pts).order());
        expect(G.setwiseStabilizer(pts).order()).toBe(D.setwiseStabilizer(pts).order());
        // the returned stabilizers hold what they claim: their generators fix the points / the set
        for (const h of G.setwiseStabilizer(pts).generators) expect(new Set(pts.map((p) => h.image(p)))).toEqual(new Set(pts));
        for (const h of G.pointwiseStabilizer(pts).generators) for (const p of pts) expect(h.image(p)).toBe(p);
      }
      expect(kind === 'A' ? G.contains(Perm.parse('(3,4)', n)) : G.contains(Perm.parse('(3,4)', n))).toBe(kind === 'S');
    }
  });

  it('S_1000 x S_1000 and Alt(1002) answer order and stabilizers of 998 / 999 points in closed form', () => {
    const G = PermGroup.fromCycles([...symGens(1, 1000), ...symGens(1001, 1000)], 2000);
    expect(G.order()).toBe(factorial(1000) ** 2n);
    expect(G.certificate()).toBe('direct-product');
    const A = PermGroup.fromCycles(altGens(1, 1002), 1002);
    expect(A.order()).toBe(factorial(1002) / 2n);
    expect(A.pointwiseStabilizer(range(0, 998)).order()).toBe(3n); // Alt(3)
    const S = PermGroup.fromCycles(symGens(1, 1000), 1000);
    expect(S.pointwiseStabilizer(range(0, 997)).order()).toBe(2n); // Sym(2)
    expect(S.setwiseStabilizer(range(0, 997)).order()).toBe(factorial(998) * 2n);
  });
});

describe('direct products by orbits', () => {
  it('a subdirect product (a diagonal) is not split: order 120, not 120^2', () => {
    const G = PermGroup.fromCycles(['(1,2)(6,7)', '(1,2,3,4,5)(6,7,8,9,10)'], 10);
    expect(G.order()).toBe(120n);
    expect(G.certificate()).not.toBe('direct-product');
  });

  it('S_5 x A_6 x C_3 with fixed points: membership and stabilizers agree with the deterministic chain', () => {
    const gens = [...symGens(1, 5), ...altGens(7, 6), '(14,15,16)'];
    const n = 18;
    const G = PermGroup.fromCycles(gens, n);
    const D = PermGroup.fromCycles(gens, n, { method: 'deterministic' });
    expect(G.certificate()).toBe('direct-product');
    expect(G.order()).toBe(120n * 360n * 3n);
    const rng = RandomSource.fromSeed(5);
    const elements = D.strongGenerators();
    for (let t = 0; t < 60; t++) {
      const g = t % 2 ? Perm.fromImages(rng.permutation(n)) : elements[rng.int(elements.length)].mul(elements[rng.int(elements.length)]);
      expect(G.contains(g)).toBe(D.contains(g));
    }
    for (const pts of [[0], [0, 7], [1, 8, 13], [2, 3, 9, 10, 11, 14, 17]]) {
      expect(G.pointwiseStabilizer(pts).order()).toBe(D.pointwiseStabilizer(pts).order());
      expect(G.setwiseStabilizer(pts).order()).toBe(D.setwiseStabilizer(pts).order());
    }
    expect(G.base().length).toBe(G.strongGenerators().length > 0 ? G.base().length : 0);
    expect(chainOrder(deterministicChain(n, G.strongGenerators().map((g) => g.images), G.base()))).toBe(G.order());
  });
});

describe('a giant on one orbit (Goursat: |G| = m!/2 |phi(G)|)', () => {
  const deterministicOrder = (gens: string[], n: number) => PermGroup.fromCycles(gens, n, { method: 'deterministic' }).order();

  it('S_9 whose sign is tied to a swap of two other points has order 9!, untied 2 x 9!', () => {
    const tied = ['(1,2)(11,12)', cycle(range(1, 9))];
    const untied = ['(1,2)', cycle(range(1, 9)) + '(11,12)'];
    for (const [gens, order] of [[tied, factorial(9)], [untied, 2n * factorial(9)]] as const) {
      const G = PermGroup.fromCycles([...gens], 12);
      expect(G.certificate()).toBe('giant-orbit');
      expect(G.order()).toBe(order);
      expect(deterministicOrder([...gens], 12)).toBe(order);
    }
  });

  it('A_10 with S_4 on four more points: |A_10| x 24', () => {
    const gens = ['(1,2,3)(11,12)', '(2,3,4,5,6,7,8,9,10)(12,13,14)', '(1,2,3)'];
    const G = PermGroup.fromCycles(gens, 14);
    expect(G.certificate()).toBe('giant-orbit');
    expect(G.order()).toBe((factorial(10) / 2n) * 24n);
    expect(deterministicOrder(gens, 14)).toBe(G.order());
  });

  it('S_10 acting the same way on two copies (a diagonal) is not taken for a product: order 10!', () => {
    const twice = (pts: number[]) => cycle(pts) + cycle(pts.map((p) => p + 10));
    const G = PermGroup.fromCycles([twice([1, 2]), twice(range(1, 10))], 20);
    expect(G.certificate()).not.toBe('giant-orbit');
    expect(G.order()).toBe(factorial(10));
  });

  it('random generators mixing a 30-point orbit with small ones: the same order as the deterministic chain', () => {
    const rng = RandomSource.fromSeed(11);
    const n = 40;
    let proved = 0;
    for (let t = 0; t < 12; t++) {
      // each generator: a random permutation of 0..29 times random ones of 30..33 and 34..36
      const gens = [0, 1].map(() => {
        const g = Int32Array.from({ length: n }, (_, i) => i);
        for (const [a, len] of [[0, 30], [30, 4], [34, 3]]) rng.permutation(len).forEach((q, j) => (g[a + j] = a + q));
        return Perm.fromImages(g);
      });
      const G = new PermGroup(gens, n);
      const D = new PermGroup(gens, n, { method: 'deterministic' });
      expect(G.order()).toBe(D.order());
      if (G.certificate() === 'giant-orbit') proved++;
    }
    expect(proved).toBeGreaterThanOrEqual(10);
  });
});

describe('Schreier-tree transversals', () => {
  it('trees and explicit transversals give the same chain orders and transversal elements map the base point right', () => {
    const saved = { ...transversalPolicy };
    try {
      for (const explicit of [true, false]) {
        Object.assign(transversalPolicy, { maxDegree: explicit ? 1000 : 0, smallOrbit: 0 });
        for (const [gens, n, order] of [[M12, 12, 95040n], [M23, 23, 10200960n], [wreathC2(10), 20, 2n ** 10n * factorial(10)], [psl3(7).gens, 57, psl3(7).order]] as [string[], number, bigint][]) {
          const G = PermGroup.fromCycles(gens, n, { method: 'deterministic' });
          expect(G.order()).toBe(order);
          const chain = G.chain();
          for (const L of chain.levels) {
            expect(L.explicit !== undefined).toBe(explicit && L.orbit.length * n <= transversalPolicy.maxEntries);
            for (const beta of L.orbit) expect(transversalElement(L, beta)![L.basePoint]).toBe(beta);
          }
          expect(G.contains(Perm.parse(gens[0], n).mul(Perm.parse(gens[1], n)))).toBe(true);
        }
      }
    } finally {
      Object.assign(transversalPolicy, saved);
    }
  });

  it('a long cycle gets a shallow tree (depth at most 2 log2 |orbit| + 4) and S_150 a chain far below n^3 integers', () => {
    const saved = { ...transversalPolicy };
    try {
      Object.assign(transversalPolicy, { maxDegree: 0, smallOrbit: 0 });
      const n = 600;
      const C = PermGroup.fromCycles([cycle(range(1, n))], n, { method: 'deterministic' });
      expect(C.order()).toBe(600n);
      const L = C.chain().levels[0];
      expect(L.maxDepth).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(L.orbit.length + 1)) + 4);
      for (const beta of [1, 299, 599]) expect(transversalElement(L, beta)![L.basePoint]).toBe(beta);
      expect(C.contains(Perm.parse(cycle(range(1, n)), n).pow(417))).toBe(true);
      const m = 150;
      const S = PermGroup.fromCycles(symGens(1, m), m);
      const chain = S.chain();
      expect(chainOrder(chain)).toBe(factorial(m));
      // explicit transversals would hold sum |orbit_i| x m x 2 = m^3 integers
      expect(chainFootprint(chain)).toBeLessThan(m ** 3 / 5);
    } finally {
      Object.assign(transversalPolicy, saved);
    }
  });

  /**
   * Every property of a chain's transversals, level by level: the tree is a tree (each point one
   * deeper than the point it is reached from, along its label), tree levels are at most
   * treeDepthBound deep with at most shortcutCap shortcuts, every shortcut lies in G^(i) (it fixes
   * the earlier base points and sifts to the identity from level i), and every coset
   * representative maps the base point to its orbit point, its inverse back.
   */
  function checkTransversals(chain: StabChain): { treeLevels: number; explicitLevels: number } {
    let treeLevels = 0;
    let explicitLevels = 0;
    chain.levels.forEach((L, i) => {
      const m = L.orbit.length;
      if (L.explicit) explicitLevels++;
      else {
        treeLevels++;
        expect(L.maxDepth).toBeLessThanOrEqual(treeDepthBound(m));
        expect(L.treeGens.length - L.gens.length).toBeLessThanOrEqual(shortcutCap(m));
      }
      for (const t of L.treeGens.slice(L.gens.length)) {
        for (let j = 0; j < i; j++) expect(t[chain.levels[j].basePoint]).toBe(chain.levels[j].basePoint);
        expect(sift(chain, t, i).residue.every((q, p) => q === p)).toBe(true);
      }
      let deepest = 0;
      for (const beta of L.orbit) {
        deepest = Math.max(deepest, L.depth[beta]);
        if (beta !== L.basePoint) expect(L.depth[beta]).toBe(L.depth[L.treeInv[L.label[beta]][beta]] + 1);
        const u = transversalElement(L, beta)!;
        const v = inverseTransversalElement(L, beta)!;
        expect(u[L.basePoint]).toBe(beta);
        expect(v[beta]).toBe(L.basePoint);
        expect(u.every((q, p) => v[q] === p)).toBe(true);
      }
      expect(deepest).toBe(L.maxDepth);
    });
    return { treeLevels, explicitLevels };
  }

  it('shallow trees: depth within treeDepthBound, every coset representative right, on PSL(3,p), M12, M23, C2 wr S_10 and C_600', () => {
    const saved = { ...transversalPolicy };
    try {
      Object.assign(transversalPolicy, { maxDegree: 0, smallOrbit: 0 });
      const cases: [string[], number, bigint][] = [
        [M12, 12, 95040n],
        [M23, 23, 10200960n],
        [wreathC2(10), 20, 2n ** 10n * factorial(10)],
        [psl3(7).gens, 57, psl3(7).order],
        [psl3(11).gens, 133, psl3(11).order],
        [[cycle(range(1, 600))], 600, 600n],
      ];
      for (const [gens, n, order] of cases) {
        const chain = PermGroup.fromCycles(gens, n, { method: 'deterministic' }).chain();
        expect(chainOrder(chain)).toBe(order);
        expect(checkTransversals(chain).explicitLevels).toBe(0);
      }
      // the cycle's 600 points sit at depth at most 3 (a 600-cycle alone gives 599)
      const C = PermGroup.fromCycles([cycle(range(1, 600))], 600, { method: 'deterministic' }).chain();
      expect(C.levels[0].maxDepth).toBeLessThanOrEqual(3);
    } finally {
      Object.assign(transversalPolicy, saved);
    }
  });

  it('at degree above 256 (PSL(3,17) on 307 points) orbits up to smallOrbit are explicit, larger ones shallow trees, and explicit throughout gives the same order', () => {
    const { gens, degree, order } = psl3(17);
    expect(degree).toBe(307);
    const G = PermGroup.fromCycles(gens, degree, { method: 'deterministic' });
    expect(G.order()).toBe(order);
    const chain = G.chain();
    for (const L of chain.levels) expect(L.explicit !== undefined).toBe(L.orbit.length <= transversalPolicy.smallOrbit);
    const { treeLevels, explicitLevels } = checkTransversals(chain);
    expect(treeLevels).toBeGreaterThan(0);
    expect(explicitLevels).toBeGreaterThan(0);
    const saved = { ...transversalPolicy };
    try {
      // the same group with explicit transversals throughout
      Object.assign(transversalPolicy, { maxDegree: 1000, maxEntries: 1 << 20 });
      const E = PermGroup.fromCycles(gens, degree, { method: 'deterministic' });
      expect(E.order()).toBe(order);
      expect(E.chain().levels.every((L) => L.explicit !== undefined)).toBe(true);
    } finally {
      Object.assign(transversalPolicy, saved);
    }
  });
});
