import { RandomSource } from '../../core/random.js';
import { isEven, isIdentity } from '../core/kernels.js';
import { factorial } from '../core/factorial.js';
import { chainOrder, sift, type StabChain } from './StabChain.js';
import { chainWithBase, insertResidue, schreierSims } from './schreierSims.js';
import { completeChain } from './verify.js';
import { ProductReplacement } from './productReplacement.js';
import type { GroupProgressHandler } from './progress.js';

/** Options of the randomized Schreier-Sims; every field has the default in DEFAULT_RANDOM_SCHREIER_SIMS. */
export interface RandomSchreierSimsOptions {
  /** Seed of the random source (product replacement). */
  readonly seed: number;
  /** Stop the random phase after this many consecutive random elements sift to the identity. */
  readonly consecutive: number;
  /** The order of G when it is known (an upper bound that, once reached, proves completeness). */
  readonly knownOrder?: bigint;
  /** Base points to put first (0-based). */
  readonly basePrefix: readonly number[];
  /** Run the deterministic Schreier generator test afterwards unless the order is proved. */
  readonly verify: boolean;
  /** Called as the chain grows and during verification. */
  readonly onProgress?: GroupProgressHandler;
  /**
   * A source of random elements of G to use instead of product replacement on gens (for a
   * subgroup known only through such elements, as the kernel of a block action); with it the
   * chain is of the group those elements generate, so give a knownOrder bound and verify = false.
   */
  readonly randomElement?: () => Int32Array;
}

export const DEFAULT_RANDOM_SCHREIER_SIMS: RandomSchreierSimsOptions = { seed: 0, consecutive: 20, basePrefix: [], verify: true };

/** How the randomized result was certified. */
export type Certificate = 'known-order' | 'symmetric-bound' | 'alternating-bound' | 'schreier-generators' | 'sims-verify' | 'none';

/**
 * Degrees up to which the fallback is a fresh deterministic Schreier-Sims (lean strong generators,
 * cheap at these sizes, and the chains the default run has always used); above it the random
 * chain itself is verified by Sims' routine (verify.ts), whose cost grows with the rank of each
 * level rather than with |orbit| x |generators|.
 */
export const VERIFY_DETERMINISTIC_MAX_DEGREE = 256;

/** Number of points moved by some generator. */
function movedPoints(degree: number, gens: readonly Int32Array[]): number {
  let c = 0;
  for (let p = 0; p < degree; p++) if (gens.some((g) => g[p] !== p)) c++;
  return c;
}

/**
 * Randomized Schreier-Sims (Seress, "Permutation Group Algorithms", section 4.3; Holt-Eick-
 * O'Brien, "Handbook of CGT", section 4.5): sift random elements of G (product replacement) into
 * the chain until `consecutive` of them in a row sift to the identity. The chain then always
 * describes a subgroup H <= G, so |H| <= |G|, and it is certified exact by the first that applies:
 * - |H| equals a known order of G (options.knownOrder);
 * - |H| = m! where m is the number of points G moves (G <= Sym(moved points), so G = H);
 * - |H| = m!/2 and every generator is even (G <= Alt(moved points));
 * - otherwise the deterministic Schreier-Sims algorithm is run from the generators (Seress 4.2)
 *   and its chain is returned; the random chain's order must not exceed it (checked).
 *   Verifying the random chain itself (schreierSims(chain)) is also exact but slower here: the
 *   random phase adds every residue to all levels above it, so its strong generating set is
 *   several times larger and the Schreier generators to test several times more (Rubik's cube:
 *   about 6 ms against 1.6 ms of CPU time for a fresh deterministic run).
 * The upper-bound checks also stop the random phase early, which is what makes S_100 from a
 * transposition and a 100-cycle fast. With verify = false the result is a Monte Carlo chain
 * (certificate 'none'): a subgroup whose order is wrong with probability at most about
 * 2^-consecutive (Seress 4.3).
 */
export function randomSchreierSims(
  degree: number,
  gens: readonly Int32Array[],
  options: Partial<RandomSchreierSimsOptions> = {},
): { chain: StabChain; certificate: Certificate } {
  const o = { ...DEFAULT_RANDOM_SCHREIER_SIMS, ...options };
  const chain = chainWithBase(degree, o.basePrefix);
  const nontrivial = gens.filter((g) => !isIdentity(g));
  for (const g of nontrivial) {
    const r = sift(chain, g);
    if (!isIdentity(r.residue)) insertResidue(chain, r.residue, 0, r.level);
  }
  const m = movedPoints(degree, nontrivial);
  const symOrder = factorial(m);
  const allEven = nontrivial.every(isEven);
  const bound = o.knownOrder ?? (allEven && m >= 2 ? symOrder / 2n : symOrder);
  const boundKind: Certificate = o.knownOrder !== undefined ? 'known-order' : allEven && m >= 2 ? 'alternating-bound' : 'symmetric-bound';
  let order = chainOrder(chain);
  if (order === bound) return { chain, certificate: boundKind };
  if (nontrivial.length > 0 || o.randomElement) {
    const pr = o.randomElement ? undefined : new ProductReplacement(degree, nontrivial, RandomSource.fromSeed(o.seed));
    const next = o.randomElement ?? (() => pr!.next());
    let run = 0;
    while (run < o.consecutive) {
      const r = sift(chain, next());
      if (isIdentity(r.residue)) {
        run++;
        continue;
      }
      run = 0;
      insertResidue(chain, r.residue, 0, r.level);
      order = chainOrder(chain);
      o.onProgress?.({ stage: 'random Schreier-Sims', detail: `base length ${chain.levels.length}, order so far ${order.toString().length > 30 ? `~10^${order.toString().length - 1}` : order}` });
      if (order === bound) return { chain, certificate: boundKind };
    }
  }
  if (!o.verify) return { chain, certificate: 'none' };
  if (degree > VERIFY_DETERMINISTIC_MAX_DEGREE) {
    completeChain(chain, nontrivial, { seed: o.seed, onProgress: o.onProgress });
    return { chain, certificate: 'sims-verify' };
  }
  const exact = schreierSims(chainWithBase(degree, o.basePrefix), nontrivial, o.onProgress);
  if (chainOrder(exact) < order) throw new Error(`randomSchreierSims: random chain order ${order} exceeds the exact order ${chainOrder(exact)}`);
  return { chain: exact, certificate: 'schreier-generators' };
}
