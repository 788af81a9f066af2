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
 * rows of constant cost set aside (they only decide fixed points; one displaced from its own
 * column closes its chain into a cycle), over the lexicographically ordered pairs (cost, -[r = c]): the second component only decides between
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

  // A constant row (a blank pixel's all-zero row) costs the same on every column, so it only
  // decides fixed points: the other rows are assigned first, each paying one fixed point for
  // taking a constant row's own column (secondary +1), and then every constant row q takes
  // column q if it is free. Equivalent to the square problem, with ~n fewer shortest paths.
  const constant = new Uint8Array(n + 1); // 1-based: row = column index q + 1
  for (let q = 0; q < n; q++) {
    const base = q * n;
    let same = true;
    for (let c = 1; c < n && same; c++) same = a[base + c] === a[base];
    constant[q + 1] = same ? 1 : 0;
  }

  // Potentials are pairs (primary: integer cost units; secondary: fixed points, -1 on the
  // diagonal, +1 on a constant row's column), 1-based; column 0 is a virtual column holding the
  // row being inserted. Rectangular: the constant rows are left out (rows <= columns).
  const u1 = new Float64Array(n + 1);
  const u2 = new Float64Array(n + 1);
  const v1 = new Float64Array(n + 1);
  const v2 = new Float64Array(n + 1);
  const rowOf = new Int32Array(n + 1); // rowOf[j]: row (1-based) matched to column j, 0 = free
  const way = new Int32Array(n + 1); // previous column on the shortest path
  // Dijkstra with lazy potentials (as in Jonker and Volgenant's augment): distances are kept
  // relative to the phase start (minv + t, t the running total of the e-maxx deltas), and the
  // potentials of the columns reached are shifted once at the end of the phase, by t minus the
  // t at which each was reached; the unreached columns are kept in a compact list.
  const minv1 = new Float64Array(n + 1);
  const minv2 = new Float64Array(n + 1);
  const reachedAt1 = new Float64Array(n + 1);
  const reachedAt2 = new Float64Array(n + 1);
  const reached = new Int32Array(n + 1);
  const todo = new Int32Array(n);
  for (let i = 1; i <= n; i++) {
    if (constant[i]) continue;
    rowOf[0] = i;
    let j0 = 0;
    let t1 = 0;
    let t2 = 0;
    let nReached = 0;
    let nTodo = n;
    for (let j = 1; j <= n; j++) {
      todo[j - 1] = j;
      minv1[j] = Infinity;
      minv2[j] = 0;
    }
    do {
      reached[nReached++] = j0;
      reachedAt1[j0] = t1;
      reachedAt2[j0] = t2;
      const i0 = rowOf[j0];
      const rowBase = (i0 - 1) * n - 1;
      const ui1 = u1[i0] - t1;
      const ui2 = u2[i0] - t2;
      let d1 = Infinity;
      let d2 = 0;
      let k1 = 0;
      for (let k = 0; k < nTodo; k++) {
        const j = todo[k];
        const c1 = a[rowBase + j] - ui1 - v1[j];
        const c2 = (j === i0 ? -1 : constant[j]) - ui2 - v2[j];
        let m1 = minv1[j];
        let m2 = minv2[j];
        if (c1 < m1 || (c1 === m1 && c2 < m2)) {
          minv1[j] = m1 = c1;
          minv2[j] = m2 = c2;
          way[j] = j0;
        }
        if (m1 < d1 || (m1 === d1 && m2 < d2)) {
          d1 = m1;
          d2 = m2;
          k1 = k;
        }
      }
      t1 = d1;
      t2 = d2;
      j0 = todo[k1];
      todo[k1] = todo[--nTodo];
    } while (rowOf[j0] !== 0);
    for (let k = 0; k < nReached; k++) {
      const j = reached[k];
      const s1 = t1 - reachedAt1[j];
      const s2 = t2 - reachedAt2[j];
      u1[rowOf[j]] += s1;
      u2[rowOf[j]] += s2;
      v1[j] -= s1;
      v2[j] -= s2;
    }
    // augment along the path back to the virtual column
    do {
      const j1 = way[j0];
      rowOf[j0] = rowOf[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  // constant rows: their own column when free. A displaced one, d, ends a chain
  // f -> a(f) -> ... -> d of the other rows' assignment that starts at a column f no row takes;
  // any free column is as good for it, and closing its own chain (a(d) = f) keeps the chains
  // as separate cycles, instead of joining them in an order the algorithm happened to pick.
  for (let q = 1; q <= n; q++) if (constant[q] && rowOf[q] === 0) rowOf[q] = q;
  for (let d = 1; d <= n; d++) {
    if (!constant[d] || rowOf[d] === d) continue;
    let f = d;
    while (rowOf[f] !== 0) f = rowOf[f];
    rowOf[f] = d;
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
