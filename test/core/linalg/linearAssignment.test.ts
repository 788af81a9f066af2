import { describe, expect, it } from 'vitest';
import { RandomSource, UserError, linearAssignment } from '../../../src/core/index.js';
import { bruteForceAssignment } from '../../../src/testing/index.js';

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
