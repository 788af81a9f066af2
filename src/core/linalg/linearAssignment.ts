import { z } from 'zod';
import { InputRangeError } from '../errors.js';
import { checkFinite, checkInteger, parseOptions } from '../validate.js';

const AssignmentOptions = z.strictObject({
  /** Maximise sum_r cost[r, a(r)] instead of minimising it. */
  maximize: z.boolean().default(false),
});

/** Options of `linearAssignment`. */
export type LinearAssignmentOptions = z.input<typeof AssignmentOptions>;

/** An optimal assignment: `assignment[r]` is the column given to row r (a permutation of 0..n-1). */
export interface Assignment {
  readonly assignment: Int32Array;
  /** sum_r cost[r, assignment[r]], accumulated in float64. */
  readonly total: number;
}

/**
 * Optimal square linear assignment: the permutation a minimising (or maximising)
 * sum_r cost[r, a(r)] for an n x n row-major cost matrix, and among the optimal ones one with
 * the most fixed points a(r) = r, so that rows whose costs tie (a blank pixel's all-zero row)
 * stay in place whenever an optimum allows it. Hungarian method in its shortest-augmenting-path
 * form with row and column potentials (Kuhn 1955, Munkres 1957; the O(n^3) formulation of
 * Jonker and Volgenant 1987 without their initialisation, whose column reduction measured 2-5x
 * slower on MNIST cross-correlations, where one bright pixel's row is every column's best),
 * over the lexicographically ordered pairs (cost, -[r = c]): the second component only decides between
 * assignments of exactly equal cost. Exact: costs are rounded once to integers at 2^-(49 -
 * ceil(log2 n)) of the largest |cost| (below the rounding of a float64 sum of n such terms),
 * and then every sum, potential and comparison is an exact integer operation, so ties are
 * found as ties, not up to a float epsilon. Written by hand since no maintained npm package does
 * O(n^3) on typed arrays; checked against brute force, fixed points included, for every n <= 8
 * (src/testing/bruteForceAssignment.ts). Ties that remain (equal cost and fixed points) are
 * broken deterministically.
 */
export function linearAssignment(cost: ArrayLike<number>, n: number, options: LinearAssignmentOptions = {}): Assignment {
  const where = 'linearAssignment';
  const { maximize } = parseOptions(where, AssignmentOptions, options);
  checkInteger(where, 'n', n, 1);
  if (cost.length !== n * n) throw new InputRangeError(`${where}: cost has ${cost.length} entries but n x n = ${n * n}`);
  checkFinite(where, 'cost', cost);
  const a = integerCosts(cost, n, maximize);

  // Potentials are pairs (primary: integer cost units; secondary: fixed points, -1 on the
  // diagonal), 1-based; column 0 is a virtual column holding the row being inserted.
  const u1 = new Float64Array(n + 1);
  const u2 = new Float64Array(n + 1);
  const v1 = new Float64Array(n + 1);
  const v2 = new Float64Array(n + 1);
  const rowOf = new Int32Array(n + 1); // rowOf[j]: row (1-based) matched to column j, 0 = free
  const way = new Int32Array(n + 1); // previous column on the shortest path
  const minv1 = new Float64Array(n + 1);
  const minv2 = new Float64Array(n + 1);
  const used = new Uint8Array(n + 1);
  for (let i = 1; i <= n; i++) {
    rowOf[0] = i;
    let j0 = 0;
    minv1.fill(Infinity);
    minv2.fill(0);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = rowOf[j0];
      const rowBase = (i0 - 1) * n - 1;
      const ui1 = u1[i0];
      const ui2 = u2[i0];
      let d1 = Infinity;
      let d2 = 0;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const c1 = a[rowBase + j] - ui1 - v1[j];
        const c2 = (j === i0 ? -1 : 0) - ui2 - v2[j];
        if (c1 < minv1[j] || (c1 === minv1[j] && c2 < minv2[j])) {
          minv1[j] = c1;
          minv2[j] = c2;
          way[j] = j0;
        }
        if (minv1[j] < d1 || (minv1[j] === d1 && minv2[j] < d2)) {
          d1 = minv1[j];
          d2 = minv2[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u1[rowOf[j]] += d1;
          u2[rowOf[j]] += d2;
          v1[j] -= d1;
          v2[j] -= d2;
        } else {
          minv1[j] -= d1;
          minv2[j] -= d2;
        }
      }
      j0 = j1;
    } while (rowOf[j0] !== 0);
    // augment along the path back to the virtual column
    do {
      const j1 = way[j0];
      rowOf[j0] = rowOf[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  for (let j = 1; j <= n; j++) {
    // the integer arithmetic stayed exact (a bound the potentials never come near)
    if (!Number.isSafeInteger(u1[j]) || !Number.isSafeInteger(v1[j])) throw new Error(`${where}: a potential left the exact integer range`);
  }
  const assignment = new Int32Array(n);
  for (let j = 1; j <= n; j++) assignment[rowOf[j] - 1] = j - 1;
  let total = 0;
  for (let r = 0; r < n; r++) total += cost[r * n + assignment[r]];
  return { assignment, total };
}

/**
 * The costs to minimise (negated when maximising) as exact integers: scaled by a power of two
 * so that the largest |cost| is at most 2^(49 - ceil(log2 n)), then rounded. Then any sum of n
 * of them, and the potentials of the Hungarian method (at most about 2n times the largest
 * cost), stay below 2^53 where float64 integers are exact.
 */
function integerCosts(cost: ArrayLike<number>, n: number, maximize: boolean): Float64Array {
  const a = new Float64Array(n * n);
  let max = 0;
  for (let i = 0; i < n * n; i++) {
    a[i] = maximize ? -cost[i] : cost[i];
    max = Math.max(max, Math.abs(a[i]));
  }
  if (max === 0) return a.fill(0); // also turns -0 into 0
  const bits = 49 - Math.ceil(Math.log2(n + 1));
  let exponent = Math.ceil(Math.log2(max));
  if (2 ** exponent < max) exponent++; // log2 rounding
  // two exact power-of-two factors, since 2^(bits - exponent) alone can overflow for tiny costs
  const shift = bits - exponent;
  const s1 = 2 ** Math.trunc(shift / 2);
  const s2 = 2 ** (shift - Math.trunc(shift / 2));
  for (let i = 0; i < n * n; i++) a[i] = Math.round(a[i] * s1 * s2) + 0;
  return a;
}
