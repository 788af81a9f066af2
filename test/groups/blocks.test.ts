// Block systems and orders through them (issue 21): checked against orders from the literature
// and against the deterministic Schreier-Sims, which uses no blocks.
import { describe, expect, it } from 'vitest';
import { Perm, PermGroup, power, powerBig, blockAction, coarseBlockSystem, factorial, minimalBlockSystem, deterministicChain, chainOrder } from '../../src/groups/index.js';
import { RandomSource } from '../../src/core/index.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
function cyc(n: number, ...cycles: number[][]): Int32Array {
  const p = Int32Array.from(range(n));
  for (const c of cycles) for (let k = 0; k < c.length; k++) p[c[k]] = c[(k + 1) % c.length];
  return p;
}
const images = (gens: string[], n: number) => gens.map((c) => Perm.parse(c, n).images);
const group = (gens: Int32Array[], n: number) => new PermGroup(gens.map((g) => Perm.unsafeWrap(g)), n);

/** C_s wr S_m or L wr S_m style: `inner` acts on block 0 = points 0..s-1, blocks i = is..is+s-1 permuted by `outer` (on m points). */
function wreath(s: number, inner: Int32Array[], m: number, outer: Int32Array[]): Int32Array[] {
  const n = s * m;
  const lift = inner.map((h) => Int32Array.from(range(n), (p) => (p < s ? h[p] : p)));
  const top = outer.map((t) => Int32Array.from(range(n), (p) => t[Math.floor(p / s)] * s + (p % s)));
  return [...lift, ...top];
}

/** A group on ordered pairs (a, b), a != b, of its points: imprimitive, blocks by first point. */
function onOrderedPairs(gens: Int32Array[], m: number): { gens: Int32Array[]; degree: number } {
  const index = (a: number, b: number) => a * (m - 1) + (b < a ? b : b - 1);
  const degree = m * (m - 1);
  const out = gens.map((g) => {
    const img = new Int32Array(degree);
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) if (a !== b) img[index(a, b)] = index(g[a], g[b]);
    return img;
  });
  return { gens: out, degree };
}

const M11 = ['(1,2,3,4,5,6,7,8,9,10,11)', '(3,7,11,8)(4,10,5,6)'];
const M12 = [...M11, '(1,12)(2,11)(3,6)(4,8)(5,9)(7,10)'];

describe('powerBig', () => {
  it('agrees with repeated squaring, also for exponents far beyond 2^53 (reduced modulo the order 60)', () => {
    const g = cyc(12, [0, 1, 2], [3, 4, 5, 6], [7, 8, 9, 10, 11]);
    for (const e of [0, 1, 7, 59, 60, 61]) expect([...powerBig(g, BigInt(e))]).toEqual([...power(g, e)]);
    expect([...powerBig(g, 10n ** 30n + 7n)]).toEqual([...power(g, Number((10n ** 30n + 7n) % 60n))]);
  });
});

describe('minimal block systems (Atkinson)', () => {
  it('C2 wr S6 on 12 points: {0,1} generates the pairs, {0,2} no block', () => {
    const gens = wreath(2, [cyc(2, [0, 1])], 6, [cyc(6, [0, 1]), cyc(6, range(6))]);
    const sys = minimalBlockSystem(gens, 12, 0, 1)!;
    expect(sys.count).toBe(6);
    expect(sys.size).toBe(2);
    for (let p = 0; p < 12; p += 2) expect(sys.blockOf[p]).toBe(sys.blockOf[p + 1]);
    expect(minimalBlockSystem(gens, 12, 0, 2)).toBeUndefined();
  });

  it('a primitive group (S_9) has no block for any pair', () => {
    const gens = [cyc(9, [0, 1]), cyc(9, range(9))];
    for (let b = 1; b < 9; b++) expect(minimalBlockSystem(gens, 9, 0, b)).toBeUndefined();
  });

  it('the cyclic group C_12 has the blocks of every divisor, and coarseBlockSystem finds the coarsest (2 blocks of 6)', () => {
    const gens = [cyc(12, range(12))];
    expect(minimalBlockSystem(gens, 12, 0, 4)!.size).toBe(3);
    expect(minimalBlockSystem(gens, 12, 0, 6)!.size).toBe(2);
    const sys = coarseBlockSystem(gens, 12, RandomSource.fromSeed(1))!;
    expect(sys.count).toBe(2);
    // every generator maps blocks onto blocks
    const top = blockAction(gens, sys);
    for (let p = 0; p < 12; p++) expect(top[0][sys.blockOf[p]]).toBe(sys.blockOf[gens[0][p]]);
  });
});

describe('orders through block systems', () => {
  it('C2 wr S40 on 80 points: 2^40 40!, proved by the wreath bound', () => {
    const G = group(wreath(2, [cyc(2, [0, 1])], 40, [cyc(40, [0, 1]), cyc(40, range(40))]), 80);
    expect(G.order()).toBe(2n ** 40n * factorial(40));
    expect(G.certificate()).toBe('wreath-bound');
  });

  it('S3 wr C5 on 15 points (top not a giant, kernel S3^5): 5 * 6^5, as the deterministic chain says', () => {
    const gens = wreath(3, [cyc(3, [0, 1]), cyc(3, [0, 1, 2])], 5, [cyc(5, range(5))]);
    const G = group(gens, 15);
    expect(G.order()).toBe(5n * 6n ** 5n);
    expect(G.certificate()).toBe('wreath-bound');
    expect(chainOrder(deterministicChain(15, gens))).toBe(5n * 6n ** 5n);
  });

  it('the even-flip subgroup of C2 wr S10 (index 2) misses the wreath bound and still gets 2^9 10!', () => {
    // flips of two blocks at once, and S10 on the blocks
    const gens = wreath(2, [], 10, [cyc(10, [0, 1]), cyc(10, range(10))]);
    gens.push(cyc(20, [0, 1], [2, 3]));
    const G = group(gens, 20);
    expect(G.order()).toBe(2n ** 9n * factorial(10));
    expect(G.certificate()).not.toBe('wreath-bound');
  });

  it('M11 and M12 on ordered pairs (110 and 132 points): faithful action on 11 and 12 blocks, orders 7920 and 95040', () => {
    for (const [gens, m, order] of [
      [M11, 11, 7920n],
      [M12, 12, 95040n],
    ] as const) {
      const { gens: g, degree } = onOrderedPairs(images([...gens], m), m);
      const G = group(g, degree);
      expect(G.order()).toBe(order);
      expect(G.certificate()).toBe('block-base');
      // membership and stabilizers come from the chain, which stops at the proved order
      expect(G.contains(Perm.unsafeWrap(g[0]))).toBe(true);
      expect(G.contains(Perm.unsafeWrap(onOrderedPairs([cyc(m, [0, 1])], m).gens[0]))).toBe(false);
      expect(G.pointStabilizer(0).order()).toBe(order / BigInt(degree));
    }
  });

  it('the Sylow 2-subgroup of S64 (iterated wreath product C2 wr ... wr C2): 2^63', () => {
    const gens = range(6).map((k) => Int32Array.from(range(64), (i) => (i < 2 ** (k + 1) ? (i < 2 ** k ? i + 2 ** k : i - 2 ** k) : i)));
    const G = group(gens, 64);
    expect(G.order()).toBe(2n ** 63n);
    expect(G.certificate()).toBe('wreath-bound');
  });
});
