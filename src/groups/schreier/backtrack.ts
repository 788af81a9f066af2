import { compose } from '../core/kernels.js';
import { chainOrder, transversalElement, type StabChain } from './StabChain.js';
import { changeBase } from './changeBase.js';
import { orbitOfPoint } from './orbits.js';

/**
 * A property that defines a subgroup K of G, for backtrack search: `pointOk(b, c)` is a
 * necessary condition for an element of K to map base point b to c (it prunes the search tree),
 * and `elementOk(g)` decides membership of a complete element.
 */
export interface SubgroupProperty {
  pointOk(b: number, c: number): boolean;
  elementOk(g: Int32Array): boolean;
}

/** The result of a subgroup search: generators of K and its exact order. */
export interface SubgroupSearchResult {
  readonly gens: Int32Array[];
  readonly order: bigint;
  /** Number of search-tree nodes visited (a measure of the work). */
  readonly nodes: number;
}

/**
 * Backtrack search for the subgroup K = {g in G : property} over the stabilizer chain
 * (Seress, "Permutation Group Algorithms", section 9.1; Holt-Eick-O'Brien, "Handbook of CGT",
 * section 4.6). Every g in G is uniquely h_{m-1} ... h_1 h_0 with h_i in the transversal
 * of level i, and b_j^g is decided by h_j..h_0, so the elements form a tree by their base images.
 * Levels are treated from the deepest up: with K^(i+1) = K cap G^(i+1) known, for each point c
 * of the basic orbit of b_i not already in the orbit of b_i under the K found so far, one
 * element of K mapping b_i to c is searched for (depth first, pruned by pointOk at every base
 * point); then |K^(i)| = |b_i^{K^(i)}| |K^(i+1)|. Subgroup pruning by the orbit of the found K
 * is what keeps the search from listing all of K. Worst case exponential, as for every known
 * method for set stabilizers.
 */
export function backtrackSubgroup(chain: StabChain, prop: SubgroupProperty): SubgroupSearchResult {
  const levels = chain.levels;
  const m = levels.length;
  const gens: Int32Array[] = [];
  let nodes = 0;
  const search = (j: number, c: Int32Array): Int32Array | null => {
    nodes++;
    if (j === m) return prop.elementOk(c) ? c : null;
    const L = levels[j];
    for (const delta of L.orbit) {
      if (!prop.pointOk(L.basePoint, c[delta])) continue;
      const r = search(j + 1, compose(transversalElement(L, delta)!, c));
      if (r) return r;
    }
    return null;
  };
  let order = 1n;
  for (let i = m - 1; i >= 0; i--) {
    const L = levels[i];
    const b = L.basePoint;
    let reached = new Set(orbitOfPoint(gens, b, chain.degree));
    for (const c of L.orbit) {
      if (reached.has(c) || !prop.pointOk(b, c)) continue;
      const g = search(i + 1, transversalElement(L, c)!);
      if (g) {
        gens.push(g);
        reached = new Set(orbitOfPoint(gens, b, chain.degree));
      }
    }
    order *= BigInt(reached.size);
  }
  return { gens, order, nodes };
}

/**
 * The stabilizer of an ordered partition of the points: the g with colour[p^g] = colour[p] for
 * every p (colours are any integers). The base is changed to list the points of the smallest
 * colour classes first, where pruning is strongest (HEO 4.6). The stabilizer of an image under
 * a pixel permutation group is exactly this, with colour = quantised value.
 */
export function partitionStabilizer(chain: StabChain, colour: ArrayLike<number>): SubgroupSearchResult {
  const n = chain.degree;
  const size = new Map<number, number>();
  for (let p = 0; p < n; p++) size.set(colour[p], (size.get(colour[p]) ?? 0) + 1);
  const points = Array.from({ length: n }, (_, p) => p).sort((a, b) => size.get(colour[a])! - size.get(colour[b])! || colour[a] - colour[b] || a - b);
  const c = changeBase(chain, points, { dropTrivial: true });
  const result = backtrackSubgroup(c, {
    pointOk: (b, x) => colour[b] === colour[x],
    elementOk: (g) => {
      for (let p = 0; p < n; p++) if (colour[g[p]] !== colour[p]) return false;
      return true;
    },
  });
  if (result.order > chainOrder(c)) throw new Error('partitionStabilizer: stabilizer larger than the group');
  return result;
}

/**
 * The setwise stabilizer G_{Delta} = {g : Delta^g = Delta} of a set of 0-based points, by
 * backtrack with the points of Delta first in the base (Seress 9.1; HEO 4.6).
 */
export function setStabilizer(chain: StabChain, set: readonly number[]): SubgroupSearchResult {
  const colour = new Int32Array(chain.degree);
  for (const p of set) colour[p] = 1;
  return partitionStabilizer(chain, colour);
}
