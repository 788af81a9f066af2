import { RandomSource } from '../../core/random.js';
import { compose, identityArray, isEven, isIdentity } from '../core/kernels.js';
import { ProductReplacement } from './productReplacement.js';
import { orbitOfPoint } from './orbits.js';

/** Which giant a group is on its moved points. */
export type GiantKind = 'symmetric' | 'alternating';

/** A proof that <gens> is Sym(support) or Alt(support). */
export interface GiantRecognition {
  readonly kind: GiantKind;
  /** The moved points (0-based, increasing); the group acts on them as Sym or Alt. */
  readonly support: number[];
  /** The prime p and an element with a p-cycle, m/2 < p < m-2 (the Jordan witness). */
  readonly prime: number;
  readonly witness: Int32Array;
}

/** Options of recognizeGiant. */
export interface GiantOptions {
  readonly seed?: number;
  /** Probability, for a giant, of missing it (then the caller builds a chain: slower, never wrong). */
  readonly missProbability?: number;
}

function primesBetween(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let p = Math.floor(lo) + 1; p < hi; p++) {
    if (p < 2) continue;
    let prime = true;
    for (let d = 2; d * d <= p; d++) if (p % d === 0) prime = false;
    if (prime) out.push(p);
  }
  return out;
}

/** The length of the longest cycle of g above `above`, or 0 (at most one cycle can exceed half the points). */
function longCycle(g: Int32Array, support: readonly number[], above: number): number {
  const seen = new Uint8Array(g.length);
  for (const s of support) {
    if (seen[s]) continue;
    let len = 0;
    for (let j = s; !seen[j]; j = g[j]) {
      seen[j] = 1;
      len++;
    }
    if (len > above) return len;
  }
  return 0;
}

/**
 * Recognise Sym(M) and Alt(M) in their natural action on the moved points M (m = |M| >= 8)
 * without a stabilizer chain, as GAP's IsNaturalSymmetricGroup does (Seress, "Permutation Group
 * Algorithms", section 10.2). Deterministic confirmation: G is
 * transitive on M (checked), and an element g with a cycle of prime length p, m/2 < p < m-2,
 * was found. Then G is primitive (a block system would have to be fixed blockwise by the
 * p-cycle g^k, so the p-cycle lies in one block of size >= p > m/2) and contains a p-cycle with
 * p <= m-3, so G >= Alt(M) by Jordan's theorem (Dixon and Mortimer, "Permutation Groups",
 * Theorem 3.3E). G = Alt(M) when every generator is even, else Sym(M). So a positive answer is
 * always right.
 * Probabilistic part: the witness is sought among random elements (product replacement). In
 * Sym(M) and Alt(M) the proportion of elements with a p-cycle for a prime p in (m/2, m-2) is
 * c = sum of 1/p over those primes (at most one such cycle per element), about ln 2 / ln m;
 * ceil(ln(missProbability) / ln(1 - c)) uniform elements miss a giant with probability at most
 * missProbability (default 2^-30). A miss only means the caller builds a chain.
 */
export function recognizeGiant(degree: number, gens: readonly Int32Array[], options: GiantOptions = {}): GiantRecognition | undefined {
  const nontrivial = gens.filter((g) => !isIdentity(g));
  if (nontrivial.length === 0) return undefined;
  const moved = new Uint8Array(degree);
  for (const g of nontrivial) for (let p = 0; p < degree; p++) if (g[p] !== p) moved[p] = 1;
  const support: number[] = [];
  for (let p = 0; p < degree; p++) if (moved[p]) support.push(p);
  const m = support.length;
  if (m < 8) return undefined;
  if (orbitOfPoint(nontrivial, support[0], degree).length !== m) return undefined;
  const primes = primesBetween(m / 2, m - 2);
  if (primes.length === 0) return undefined;
  const c = primes.reduce((acc, p) => acc + 1 / p, 0);
  const miss = options.missProbability ?? 2 ** -30;
  const tries = Math.ceil(Math.log(miss) / Math.log(1 - c));
  const isPrime = new Set(primes);
  const kind: GiantKind = nontrivial.every(isEven) ? 'alternating' : 'symmetric';
  const check = (g: Int32Array): GiantRecognition | undefined => {
    const len = longCycle(g, support, m / 2);
    return isPrime.has(len) ? { kind, support, prime: len, witness: g } : undefined;
  };
  for (const g of nontrivial) {
    const r = check(g);
    if (r) return r;
  }
  const rng = RandomSource.fromSeed(options.seed ?? 0);
  // many sparse generators (A_n from n-2 3-cycles) mix slowly under product replacement: start
  // it from random subproducts instead (Babai 1991; Seress 2.3), each an element of G
  const seeds = nontrivial.length <= 10 ? nontrivial : Array.from({ length: 10 }, () => randomSubproduct(nontrivial, rng));
  const pr = new ProductReplacement(degree, seeds, rng, 50);
  for (let k = 0; k < tries; k++) {
    const r = check(pr.next());
    if (r) return r;
  }
  return undefined;
}

/** The product of a random subsequence of gens (each taken with probability 1/2). */
function randomSubproduct(gens: readonly Int32Array[], rng: RandomSource): Int32Array {
  let g = identityArray(gens[0].length);
  for (const x of gens) if (rng.int(2) === 1) g = compose(g, x);
  return g;
}
