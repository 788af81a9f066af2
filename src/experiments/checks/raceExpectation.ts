import { InputRangeError } from '../../core/errors.js';
import { quantizeLevels } from '../../actions/quantize.js';
import { ENUMERATE_MAX_ORDER } from '../../actions/imageStabilizer.js';
import type { PermGroup } from '../../groups/perm/PermGroup.js';
import type { SearchCandidate } from '../../analysis/randomSearch.js';

/** Exact win probabilities of a random-search race, from every element of G. */
export interface RaceExpectation {
  /** P(candidate k wins a race), a draw that fixes several candidates splitting the win evenly. */
  readonly shares: number[];
  /** Elements of G that fix at least one candidate (the draws that end a race). */
  readonly stoppingElements: number;
  readonly groupOrder: bigint;
}

/**
 * The exact expectation of randomSearchRace: draws are uniform on G until one fixes some
 * candidate, so the race ends on a uniform element of the union of the stabilizers, and
 * P(k wins) = sum over g in that union of [g fixes k] / #{candidates g fixes}, divided by the size
 * of the union. Computed by enumerating G (|G| <= 1e5), not by |S_k| / sum |S| (which counts the
 * identity and other shared elements once per candidate).
 */
export function exactRaceShares(group: PermGroup, candidates: readonly SearchCandidate[], levels?: number): RaceExpectation {
  const order = group.order();
  if (order > ENUMERATE_MAX_ORDER) throw new InputRangeError(`exactRaceShares: |G| = ${order} is above ${ENUMERATE_MAX_ORDER}, too large to enumerate`);
  const qs = candidates.map((c) => quantizeLevels(c.pixels, levels));
  const n = group.degree;
  const wins = candidates.map(() => 0);
  let stopping = 0;
  const hit: boolean[] = candidates.map(() => false);
  for (const g of group.elements()) {
    let count = 0;
    qs.forEach((q, k) => {
      let fixes = true;
      for (let p = 0; p < n && fixes; p++) fixes = q[g.images[p]] === q[p];
      hit[k] = fixes;
      if (fixes) count++;
    });
    if (count === 0) continue;
    stopping++;
    hit.forEach((hk, k) => {
      if (hk) wins[k] += 1 / count;
    });
  }
  return { shares: wins.map((v) => v / stopping), stoppingElements: stopping, groupOrder: order };
}
