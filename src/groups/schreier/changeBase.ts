import { chainOrder, strongGenerators, type StabChain } from './StabChain.js';
import { randomSchreierSims } from './randomSchreierSims.js';

/**
 * A new chain of the same group whose base starts with `basePrefix` (0-based points).
 * Method: randomized Schreier-Sims from the strong generators, stopped when the order reaches
 * the known |G| of the old chain, which certifies the result exactly (a chain of a subgroup of
 * full order is a chain of the group). Seress chapter 5 (base change) describes cheaper conjugation-and-
 * swap methods; this one is simple and exact, and fast for the degrees used here.
 * With `dropTrivial`, levels whose basic orbit is a single point are removed (they carry no
 * information; G^(i) = G^(i+1) there), which keeps sifting cheap for long prefixes.
 */
export function changeBase(chain: StabChain, basePrefix: readonly number[], options: { seed?: number; dropTrivial?: boolean } = {}): StabChain {
  const order = chainOrder(chain);
  const { chain: out } = randomSchreierSims(chain.degree, strongGenerators(chain), { basePrefix, knownOrder: order, seed: options.seed ?? 0 });
  if (chainOrder(out) !== order) throw new Error(`changeBase: order changed from ${order} to ${chainOrder(out)}`);
  return options.dropTrivial ? { degree: out.degree, levels: out.levels.filter((l) => l.orbit.length > 1) } : out;
}

/**
 * The pointwise stabilizer G_(p_1..p_k) of a tuple of 0-based points as a chain: change the base
 * to start with the tuple; the levels from k on are a chain of the stabilizer (Seress 4.1; HEO 4.4).
 */
export function pointwiseStabilizerChain(chain: StabChain, points: readonly number[]): StabChain {
  const c = changeBase(chain, points);
  return { degree: c.degree, levels: c.levels.slice(points.length) };
}
