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
 * sum_r cost[r, a(r)] for an n x n row-major cost matrix. Hungarian method in its
 * shortest-augmenting-path form with row and column potentials (Kuhn 1955, Munkres 1957;
 * the O(n^3) formulation of Jonker and Volgenant 1987 without their initialisation heuristics):
 * rows are added one at a time and each is matched along a Dijkstra shortest path in reduced
 * costs. Written by hand since no maintained npm package does O(n^3) on typed arrays; it is
 * checked against brute force for every n <= 8 (src/testing/bruteForceAssignment.ts).
 * Ties between optimal assignments are broken deterministically (lowest column index first).
 */
export function linearAssignment(cost: ArrayLike<number>, n: number, options: LinearAssignmentOptions = {}): Assignment {
  const where = 'linearAssignment';
  const { maximize } = parseOptions(where, AssignmentOptions, options);
  checkInteger(where, 'n', n, 1);
  if (cost.length !== n * n) throw new InputRangeError(`${where}: cost has ${cost.length} entries but n x n = ${n * n}`);
  checkFinite(where, 'cost', cost);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) a[i] = maximize ? -cost[i] : cost[i];

  // 1-based potentials; column 0 is a virtual column holding the row being inserted.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const rowOf = new Int32Array(n + 1); // rowOf[j]: row (1-based) matched to column j, 0 = free
  const way = new Int32Array(n + 1); // previous column on the shortest path
  const minv = new Float64Array(n + 1);
  const used = new Uint8Array(n + 1);
  for (let i = 1; i <= n; i++) {
    rowOf[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = rowOf[j0];
      const rowBase = (i0 - 1) * n - 1;
      const ui0 = u[i0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = a[rowBase + j] - ui0 - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[rowOf[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
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
  const assignment = new Int32Array(n);
  for (let j = 1; j <= n; j++) assignment[rowOf[j] - 1] = j - 1;
  let total = 0;
  for (let r = 0; r < n; r++) total += cost[r * n + assignment[r]];
  return { assignment, total };
}
