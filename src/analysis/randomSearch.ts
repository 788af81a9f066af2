import type { RandomSource } from '../core/random.js';
import type { PermGroup } from '../groups/perm/PermGroup.js';
import { quantizeLevels } from '../actions/quantize.js';
import { imageStabilizer } from '../actions/imageStabilizer.js';

/** A candidate feature for random search, already on the group's pixel grid. */
export interface SearchCandidate {
  readonly label: string;
  readonly pixels: ArrayLike<number>;
}

/** Monte Carlo result of random search for one candidate. */
export interface SearchTally {
  readonly label: string;
  readonly orbitSize: bigint;
  readonly stabilizerOrder: bigint;
  readonly draws: number;
  readonly hits: number;
}

/** g.x = x for a permutation g (perm[p] = g(p)) and a quantised image: x[g(p)] = x[p] for all p. */
function fixes(perm: ArrayLike<number>, q: Int32Array): boolean {
  for (let p = 0; p < q.length; p++) if (q[perm[p]] !== q[p]) return false;
  return true;
}

/**
 * Random search over a finite group (SPEC C1): for each candidate draw `draws` elements
 * uniformly (random transversal products along the stabilizer chain, exactly uniform) and count
 * how often g.x = x after quantising to `levels`; the theory says hits/draws -> 1/|O(x)|, which
 * is returned from the exact stabilizer for comparison. Each candidate gets its own stream
 * (rng.fork(k)), so the tallies are independent and can be pooled.
 */
export function randomSearch(group: PermGroup, candidates: readonly SearchCandidate[], draws: number, levels: number | undefined, rng: RandomSource): SearchTally[] {
  return candidates.map((c, k) => {
    const q = quantizeLevels(c.pixels, levels);
    const exact = imageStabilizer(group, c.pixels, { levels });
    const stream = rng.fork(k);
    let hits = 0;
    for (let d = 0; d < draws; d++) if (fixes(group.randomElement(stream).images, q)) hits++;
    return { label: c.label, orbitSize: exact.orbitSize, stabilizerOrder: exact.stabilizerOrder, draws, hits };
  });
}

/**
 * Races of random search among candidates: in each race, draw uniform elements until one
 * stabilises some candidate; that candidate wins (a draw that stabilises several splits the win
 * evenly). Returns the win counts, to set against |S(f)| / sum |S| (which ignores shared
 * stabilizer elements such as the identity).
 */
export function randomSearchRace(group: PermGroup, candidates: readonly SearchCandidate[], races: number, levels: number | undefined, rng: RandomSource): number[] {
  const qs = candidates.map((c) => quantizeLevels(c.pixels, levels));
  const wins = candidates.map(() => 0);
  for (let r = 0; r < races; r++) {
    for (let guard = 0; guard < 1e7; guard++) {
      const g = group.randomElement(rng).images;
      const hit = qs.map((q) => fixes(g, q));
      const count = hit.filter(Boolean).length;
      if (count > 0) {
        hit.forEach((h, k) => {
          if (h) wins[k] += 1 / count;
        });
        break;
      }
    }
  }
  return wins;
}
