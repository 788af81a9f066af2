import { describe, expect, it } from 'vitest';
import { RandomSource, UserError, linearAssignment } from '../../../src/core/index.js';
import { bruteForceAssignment, bruteForceCanonicalAssignment } from '../../../src/testing/index.js';

function fixedPoints(a: Int32Array): number {
  let f = 0;
  for (let r = 0; r < a.length; r++) if (a[r] === r) f++;
  return f;
}

function isPermutation(a: Int32Array): boolean {
  const seen = new Uint8Array(a.length);
  for (const v of a) {
    if (v < 0 || v >= a.length || seen[v]) return false;
    seen[v] = 1;
  }
  return true;
}

describe('linearAssignment against brute force', () => {
  for (let n = 1; n <= 8; n++) {
    it(`linearAssignment(cost, ${n}) attains the brute-force optimum on seeded real and tied integer costs`, () => {
      const rng = RandomSource.fromSeed(100 + n);
      const trials = n <= 6 ? 20 : 4;
      for (let t = 0; t < trials; t++) {
        // real costs, and small integers that force ties between optimal assignments
        const cost = t % 2 === 0 ? rng.fillUniform(new Float64Array(n * n), -5, 5) : Float64Array.from({ length: n * n }, () => rng.int(4));
        for (const maximize of [false, true]) {
          const r = linearAssignment(cost, n, { maximize });
          expect(isPermutation(r.assignment)).toBe(true);
          let total = 0;
          for (let i = 0; i < n; i++) total += cost[i * n + r.assignment[i]];
          expect(r.total).toBeCloseTo(total, 10);
          expect(r.total).toBeCloseTo(bruteForceAssignment(cost, n, maximize), 10);
        }
      }
    });
  }

  for (let n = 2; n <= 8; n++) {
    it(`linearAssignment(cost, ${n}) returns, among the optimal assignments, one with the most fixed points (brute force, tied costs)`, () => {
      const rng = RandomSource.fromSeed(300 + n);
      const trials = n <= 6 ? 40 : 6;
      for (let t = 0; t < trials; t++) {
        // small integers (and quarters) tie often; some rows constant: all zero like a blank
        // pixel's, or another constant
        const cost = Float64Array.from({ length: n * n }, () => (t % 3 === 0 ? rng.int(8) / 4 : rng.int(3)));
        if (t % 2 === 1) for (let r = 0; r < n; r += 2) cost.fill(t % 4 === 3 ? r % 3 : 0, r * n, (r + 1) * n);
        for (const maximize of [false, true]) {
          const r = linearAssignment(cost, n, { maximize });
          const want = bruteForceCanonicalAssignment(cost, n, maximize);
          expect(r.total).toBe(want.total);
          expect(fixedPoints(r.assignment)).toBe(want.fixedPoints);
        }
      }
    });
  }

  it('linearAssignment(cost, n) returns the identity when it is optimal but not the only optimum', () => {
    const n = 7;
    // every permutation costs the same
    for (const c of [0, 3.5]) {
      expect(Array.from(linearAssignment(new Float64Array(n * n).fill(c), n, { maximize: true }).assignment)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    }
    // rows 0..2 all zero (blank pixels), rows 3..6 best on the diagonal: all 3! placements of the
    // blank rows on columns 0..2 are optimal, the identity among them
    const cost = new Float64Array(n * n);
    for (let r = 3; r < n; r++) for (let c = 0; c < n; c++) cost[r * n + c] = r === c ? 5 : (r * 7 + c * 3) % 4;
    const identity = [0, 1, 2, 3, 4, 5, 6];
    expect(Array.from(linearAssignment(cost, n, { maximize: true }).assignment)).toEqual(identity);
    // the same with rows and columns relabelled alike (fixed points stay fixed points), so that
    // no column order can favour the identity by accident
    const rng = RandomSource.fromSeed(77);
    for (let t = 0; t < 10; t++) {
      const pi = rng.permutation(n);
      const relabelled = new Float64Array(n * n);
      for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) relabelled[pi[r] * n + pi[c]] = cost[r * n + c];
      expect(Array.from(linearAssignment(relabelled, n, { maximize: true }).assignment)).toEqual(identity);
    }
  });

  it('linearAssignment(cost, n) keeps blank rows in place when another row takes a blank row column', () => {
    // row 3 is best on column 0, so blank row 0 must move; blank rows 1 and 2 stay, row 0 takes column 3
    const n = 4;
    const cost = Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 1, 1, 1]);
    expect(Array.from(linearAssignment(cost, n, { maximize: true }).assignment)).toEqual([3, 1, 2, 0]);
  });

  it('linearAssignment(cost, n) sends a displaced constant row to the start of its own chain, so chains stay separate cycles', () => {
    // rows 0..2 blank; row 3 is best on column 0 and row 4 on column 1, row 5 on itself: blank rows
    // 0 and 1 must move, and closing each chain gives (0 3)(1 4), not the 4-cycle (0 4 1 3)
    const n = 6;
    const cost = new Float64Array(n * n);
    const best = [0, 0, 0, 0, 1, 5];
    for (let r = 3; r < n; r++) for (let c = 0; c < n; c++) cost[r * n + c] = c === best[r] ? 10 : 1 + ((r + c) % 3);
    expect(Array.from(linearAssignment(cost, n, { maximize: true }).assignment)).toEqual([3, 4, 2, 0, 1, 5]);
  });

  it('linearAssignment(cost, n) with blank rows and a unique optimum elsewhere has the most cycles among optimal assignments (brute force)', () => {
    const cycles = (a: ArrayLike<number>) => {
      const seen = new Uint8Array(a.length);
      let k = 0;
      for (let s = 0; s < a.length; s++) {
        if (seen[s]) continue;
        k++;
        for (let x = s; !seen[x]; x = a[x]) seen[x] = 1;
      }
      return k;
    };
    const rng = RandomSource.fromSeed(501);
    for (let t = 0; t < 30; t++) {
      const n = 6 + (t % 3);
      // real costs (ties only through the blank rows), three blank rows at random places
      const cost = rng.fillUniform(new Float64Array(n * n), 0, 1);
      for (const r of Array.from(rng.permutation(n)).slice(0, 3)) cost.fill(0, r * n, (r + 1) * n);
      const r = linearAssignment(cost, n, { maximize: true });
      // brute force: the best total, then the most fixed points, then the most cycles
      let best = -Infinity;
      let bestKey = [-1, -1];
      const perm = new Int32Array(n);
      const used = new Uint8Array(n);
      const go = (row: number, acc: number) => {
        if (row === n) {
          const fixed = perm.filter((c, i) => c === i).length;
          const key = [fixed, cycles(perm)];
          if (acc > best + 1e-12 || (Math.abs(acc - best) <= 1e-12 && (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])))) {
            best = Math.max(best, acc);
            bestKey = key;
          }
          return;
        }
        for (let c = 0; c < n; c++) {
          if (used[c]) continue;
          used[c] = 1;
          perm[row] = c;
          go(row + 1, acc + cost[row * n + c]);
          used[c] = 0;
        }
      };
      go(0, 0);
      expect(r.total).toBeCloseTo(best, 10);
      expect([fixedPoints(r.assignment), cycles(r.assignment)]).toEqual(bestKey);
    }
  });

  it('linearAssignment(cost, n) separates costs that differ by 1e-12 of their size and handles tiny and huge scales', () => {
    const n = 3;
    // the identity beats the cycle by 3e-12 in 3: not a tie
    const base = Float64Array.from([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    base[1] += 1e-12;
    base[5] += 1e-12;
    base[6] += 1e-12;
    expect(Array.from(linearAssignment(base, n, { maximize: true }).assignment)).toEqual([1, 2, 0]);
    for (const s of [1e-300, 1e300]) {
      const c = Float64Array.from([3, 1, 2, 2, 3, 1, 1, 2, 3]).map((v) => v * s);
      expect(Array.from(linearAssignment(c, n).assignment)).toEqual([1, 2, 0]);
    }
  });

  it('linearAssignment(cost, n) finds a planted permutation in a large cost matrix (n = 300)', () => {
    const n = 300;
    const rng = RandomSource.fromSeed(5);
    const sigma = rng.permutation(n);
    const cost = rng.fillUniform(new Float64Array(n * n), 0, 1);
    for (let i = 0; i < n; i++) cost[i * n + sigma[i]] = -1; // strictly best in every row: the unique optimum
    expect(Array.from(linearAssignment(cost, n).assignment)).toEqual(Array.from(sigma));
  });

  it('linearAssignment(cost, n) rejects a cost of the wrong size or with NaN', () => {
    expect(() => linearAssignment([1, 2, 3], 2)).toThrow(UserError);
    expect(() => linearAssignment([1, NaN, 3, 4], 2)).toThrow(/non-finite/);
  });
});
