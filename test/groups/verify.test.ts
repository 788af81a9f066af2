// Sims' verification of a candidate base and strong generating set (src/groups/schreier/verify.ts):
// complete chains pass, chains with a strong generator dropped are rejected with a witness that
// lies in the group but not in the candidate's stabilizer, and completing a candidate gives the
// order from the literature.
import { describe, expect, it } from 'vitest';
import {
  Perm,
  PermGroup,
  addGenerator,
  chainBase,
  chainContains,
  chainOrder,
  completeChain,
  deterministicChain,
  newLevel,
  randomSchreierSims,
  sift,
  verifyChain,
  type StabChain,
} from '../../src/groups/index.js';
import { isIdentity } from '../../src/groups/core/kernels.js';

const images = (gens: string[], n: number) => gens.map((g) => Perm.parse(g, n).images);

/** Multiplication in GF(2^k) modulo the primitive polynomial `poly` (x generates the units). */
const gfmul = (k: number, poly: number) => (a: number, b: number) => {
  let r = 0;
  for (let x = a, y = b; y; y >>= 1) {
    if (y & 1) r ^= x;
    x <<= 1;
    if (x & (1 << k)) x ^= poly;
  }
  return r;
};

/**
 * PSL(3, 2^k) on the q^2+q+1 points of the projective plane: SL(3,q) from the transvections
 * E_01, E_10, E_12, E_21 and diag(w, w^-1, 1) (conjugation by it gives every E_ij(c)).
 */
function psl3even(k: number, poly: number): { gens: Int32Array[]; degree: number; order: bigint } {
  const q = 1 << k;
  const mul = gfmul(k, poly);
  const inverse = (a: number) => {
    for (let b = 1; b < q; b++) if (mul(a, b) === 1) return b;
    throw new Error(`no inverse of ${a}`);
  };
  const normal = (v: number[]) => {
    const inv = inverse(v.find((x) => x !== 0)!);
    return v.map((x) => mul(x, inv));
  };
  const code = (v: number[]) => (v[0] * q + v[1]) * q + v[2];
  const index = new Map<number, number>();
  const points: number[][] = [];
  for (let c = 1; c < q * q * q; c++) {
    const v = normal([Math.floor(c / (q * q)), Math.floor(c / q) % q, c % q]);
    if (index.has(code(v))) continue;
    index.set(code(v), points.length);
    points.push(v);
  }
  const act = (M: number[][]) => Int32Array.from(points, (v) => index.get(code(normal([0, 1, 2].map((j) => v.reduce((acc, x, i) => acc ^ mul(x, M[i][j]), 0)))))!);
  const E = (i: number, j: number) => [0, 1, 2].map((r) => [0, 1, 2].map((c) => (r === c || (r === i && c === j) ? 1 : 0)));
  const D = [
    [2, 0, 0],
    [0, inverse(2), 0],
    [0, 0, 1],
  ];
  const Q = BigInt(q);
  const order = (Q ** 3n * (Q ** 3n - 1n) * (Q ** 2n - 1n)) / ((Q - 1n) % 3n === 0n ? 3n : 1n);
  return { gens: [act(E(0, 1)), act(E(1, 0)), act(E(1, 2)), act(E(2, 1)), act(D)], degree: points.length, order };
}

/** S_m wr S_k in product action on the m^k tuples (primitive for m >= 3). */
function productAction(m: number, k: number): { gens: Int32Array[]; degree: number; order: bigint } {
  const n = m ** k;
  const digits = (p: number) => Array.from({ length: k }, (_, j) => Math.floor(p / m ** j) % m);
  const number = (d: number[]) => d.reduce((acc, x, j) => acc + x * m ** j, 0);
  const onFirst = (s: (x: number) => number) => Int32Array.from({ length: n }, (_, p) => number(digits(p).map((x, j) => (j === 0 ? s(x) : x))));
  const onCoords = (s: (j: number) => number) =>
    Int32Array.from({ length: n }, (_, p) => {
      const d = digits(p);
      const e = new Array<number>(k);
      for (let j = 0; j < k; j++) e[s(j)] = d[j];
      return number(e);
    });
  const fact = (x: number): bigint => (x <= 1 ? 1n : BigInt(x) * fact(x - 1));
  return {
    gens: [onFirst((x) => (x < 2 ? 1 - x : x)), onFirst((x) => (x + 1) % m), onCoords((j) => (j < 2 ? 1 - j : j)), onCoords((j) => (j + 1) % k)],
    degree: n,
    order: fact(m) ** BigInt(k) * fact(k),
  };
}

const M11 = ['(1,2,3,4,5,6,7,8,9,10,11)', '(3,7,11,8)(4,10,5,6)'];
const M12 = [...M11, '(1,12)(2,11)(3,6)(4,8)(5,9)(7,10)'];
const M22 = ['(1,2,3,4,5,6,7,8,9,10,11)(12,13,14,15,16,17,18,19,20,21,22)', '(1,4,5,9,3)(2,8,10,7,6)(12,15,16,20,14)(13,19,21,18,17)', '(1,21)(2,10,8,6)(3,13,4,17)(5,19,9,18)(11,22)(12,14,16,20)'];

const groups: { name: string; gens: Int32Array[]; degree: number; order: bigint }[] = [
  { name: 'M11', gens: images(M11, 11), degree: 11, order: 7920n },
  { name: 'M12', gens: images(M12, 12), degree: 12, order: 95040n },
  { name: 'M22', gens: images(M22, 22), degree: 22, order: 443520n },
  { name: 'PSL(3,4)', ...psl3even(2, 0b111) },
  { name: 'S3 wr S4 in product action', ...productAction(3, 4) },
  { name: 'S4 wr S3 in product action', ...productAction(4, 3) },
];

/** The chain with the same base whose levels from `from` on lack `drop` (levels rebuilt from their other generators). */
function without(chain: StabChain, from: number, drop: Int32Array): StabChain {
  const levels = chain.levels.map((L, i) => {
    const level = newLevel(chain.degree, L.basePoint);
    for (const g of L.gens) if (i < from || g !== drop) addGenerator(level, g);
    return level;
  });
  return { degree: chain.degree, levels };
}

/** Candidate chains that lack one strong generator below the top level and are smaller for it. */
function incompleteCandidates(chain: StabChain): { level: number; candidate: StabChain }[] {
  const out: { level: number; candidate: StabChain }[] = [];
  const order = chainOrder(chain);
  for (let j = 1; j < chain.levels.length; j++)
    for (const g of chain.levels[j].gens) {
      const candidate = without(chain, j, g);
      if (chainOrder(candidate) < order) out.push({ level: j, candidate });
    }
  return out;
}

describe('Sims verification of a candidate chain', () => {
  it('the test groups have the orders from the literature (deterministic Schreier-Sims)', () => {
    for (const G of groups) expect(chainOrder(deterministicChain(G.degree, G.gens)), G.name).toBe(G.order);
  });

  for (const G of groups) {
    it(`${G.name}: complete chains pass, by Sims' test and by Schreier generators`, () => {
      const det = deterministicChain(G.degree, G.gens);
      const rnd = randomSchreierSims(G.degree, G.gens, { verify: false, seed: 5 }).chain;
      expect(chainOrder(rnd)).toBe(G.order);
      for (const method of ['auto', 'sims', 'schreier'] as const) {
        expect(verifyChain(det, { method })).toBeUndefined();
        expect(verifyChain(rnd, { method })).toBeUndefined();
      }
    });

    it(`${G.name}: a chain missing a strong generator is rejected with a witness in G outside the candidate's stabilizer`, () => {
      const full = deterministicChain(G.degree, G.gens);
      const candidates = incompleteCandidates(randomSchreierSims(G.degree, G.gens, { verify: false, seed: 5 }).chain);
      expect(candidates.length).toBeGreaterThan(0);
      for (const { candidate } of candidates.slice(0, 6))
        for (const method of ['auto', 'sims', 'schreier'] as const) {
          const w = verifyChain(candidate, { method });
          expect(w, `${method}`).toBeDefined();
          const { level, residue, stop } = w!;
          // a nontrivial element of G that fixes b_0..b_level and the base points it sifted past
          expect(isIdentity(residue)).toBe(false);
          expect(chainContains(full, residue)).toBe(true);
          const base = chainBase(candidate);
          for (let i = 0; i < stop; i++) expect(residue[base[i]]).toBe(base[i]);
          expect(stop).toBeGreaterThan(level);
          // and it does not sift through the candidate's levels below `level`
          expect(isIdentity(sift(candidate, residue, level + 1).residue)).toBe(false);
        }
    });

    it(`${G.name}: completing an incomplete candidate gives the order ${G.order}`, () => {
      const candidates = incompleteCandidates(deterministicChain(G.degree, G.gens));
      for (const { candidate } of candidates.slice(0, 4)) {
        completeChain(candidate, G.gens);
        expect(chainOrder(candidate)).toBe(G.order);
        expect(verifyChain(candidate, { method: 'schreier' })).toBeUndefined();
      }
      // a candidate that knows only one generator at the top is completed from the others
      const one = deterministicChain(G.degree, [G.gens[0]]);
      completeChain(one, G.gens, { method: 'sims' });
      expect(chainOrder(one)).toBe(G.order);
    });
  }

  it('PSL(3,64) on 4161 points: the randomized chain is verified by Sims (no deterministic run) and has order 64^3 (64^3-1)(64^2-1)/3', () => {
    const { gens, degree, order } = psl3even(6, 0b1000011);
    expect(degree).toBe(4161);
    expect(order).toBe(93801727918080n);
    const G = new PermGroup(gens.map((g) => Perm.unsafeWrap(g)), degree);
    expect(G.order()).toBe(order);
    expect(G.certificate()).toBe('sims-verify');
    for (const g of gens) expect(G.contains(Perm.unsafeWrap(g))).toBe(true);
  }, 120_000);
});
