/**
 * Slow reference for linear assignment: the best sum_r cost[r, a(r)] over all n! permutations
 * (n <= 9), by recursive enumeration. Returns the optimal total; ties make the argmax ambiguous.
 */
export function bruteForceAssignment(cost: ArrayLike<number>, n: number, maximize = false): number {
  if (n > 9) throw new RangeError(`bruteForceAssignment: n = ${n} is too large (at most 9)`);
  const usedCol = new Uint8Array(n);
  let best = maximize ? -Infinity : Infinity;
  const go = (r: number, acc: number): void => {
    if (r === n) {
      if (maximize ? acc > best : acc < best) best = acc;
      return;
    }
    for (let c = 0; c < n; c++) {
      if (usedCol[c]) continue;
      usedCol[c] = 1;
      go(r + 1, acc + cost[r * n + c]);
      usedCol[c] = 0;
    }
  };
  go(0, 0);
  return best;
}

/**
 * Slow reference for the canonical assignment: over all n! permutations (n <= 9), the best
 * sum_r cost[r, a(r)] and, among the permutations attaining it exactly, the most fixed points
 * a(r) = r. Totals are compared exactly, so give costs whose sums are exact in float64
 * (integers, or small multiples of a power of two).
 */
export function bruteForceCanonicalAssignment(cost: ArrayLike<number>, n: number, maximize = false): { total: number; fixedPoints: number } {
  if (n > 9) throw new RangeError(`bruteForceCanonicalAssignment: n = ${n} is too large (at most 9)`);
  const usedCol = new Uint8Array(n);
  let best = maximize ? -Infinity : Infinity;
  let bestFixed = -1;
  const go = (r: number, acc: number, fixed: number): void => {
    if (r === n) {
      if ((maximize ? acc > best : acc < best) || (acc === best && fixed > bestFixed)) {
        best = acc;
        bestFixed = fixed;
      }
      return;
    }
    for (let c = 0; c < n; c++) {
      if (usedCol[c]) continue;
      usedCol[c] = 1;
      go(r + 1, acc + cost[r * n + c], fixed + (c === r ? 1 : 0));
      usedCol[c] = 0;
    }
  };
  go(0, 0, 0);
  return { total: best, fixedPoints: bestFixed };
}
