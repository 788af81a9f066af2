import { isEven } from '../core/kernels.js';
import { factorial } from '../core/factorial.js';
import { recognizeGiant, type GiantKind, type GiantOptions } from './giant.js';

/** The order of an intransitive group proved through one orbit on which it acts as a giant. */
export interface GiantOrbitOrder {
  readonly order: bigint;
  /** The orbit O (points, increasing) on which G acts as Sym(O) or Alt(O). */
  readonly orbit: readonly number[];
  readonly kind: GiantKind;
  /** |phi(G)|: the order of G's action on the other moved points and on the sign of its action on O. */
  readonly quotientOrder: bigint;
}

/**
 * |G| for an intransitive <gens> whose largest orbit O (m = |O| >= 8 points) carries a giant
 * action, or undefined (the caller then builds a chain). Neither a chain nor a verification is
 * needed: G lies in Sym(O) x Sym(R), R the other moved points. Let N = {x : (x, 1) in G}, normal
 * in G^O; Goursat's lemma gives G^O / N isomorphic to a quotient of G^R. phi(G), the group G
 * induces on R and on two extra points swapped by the elements odd on O, maps onto G^R; when
 * |phi(G)| < m!/2 <= |G^O|, N cannot be trivial, so N >= Alt(O) (the only non-trivial normal
 * subgroups of Sym(O) and Alt(O) for m >= 5), Alt(O) x 1 lies in G and is the kernel of
 * G -> phi(G). So |G| = m!/2 |phi(G)|, with |phi(G)| from a group of degree |R| + 2. This is
 * what makes the permutation shadows of MNIST autoencoders (two generators moving 216 pixels,
 * Sym(208) on one orbit) take milliseconds instead of a two-minute Sims verification.
 * `smallerOrder` computes |phi(G)| exactly (PermGroup, by recursion).
 */
export function giantOrbitOrder(
  orbits: readonly (readonly number[])[],
  gens: readonly Int32Array[],
  degree: number,
  smallerOrder: (gens: Int32Array[], degree: number) => bigint,
  options: GiantOptions = {},
): GiantOrbitOrder | undefined {
  if (orbits.length < 2) return undefined;
  const orbit = orbits.reduce((a, b) => (b.length > a.length ? b : a));
  const m = orbit.length;
  if (m < 8) return undefined;
  const localIndex = new Int32Array(degree).fill(-1);
  orbit.forEach((p, j) => (localIndex[p] = j));
  const onOrbit = gens.map((g) => Int32Array.from(orbit, (p) => localIndex[g[p]]));
  const giant = recognizeGiant(m, onOrbit, options);
  if (!giant) return undefined;
  const rest = orbits.filter((o) => o !== orbit).flat();
  const restIndex = new Int32Array(degree).fill(-1);
  rest.forEach((p, j) => (restIndex[p] = j));
  const r = rest.length;
  // phi(g): g on R (local points 0..r-1), and the transposition (r r+1) when g is odd on O
  const phi = gens.map((g, k) => {
    const e = new Int32Array(r + 2);
    rest.forEach((p, j) => (e[j] = restIndex[g[p]]));
    const odd = !isEven(onOrbit[k]);
    e[r] = odd ? r + 1 : r;
    e[r + 1] = odd ? r : r + 1;
    return e;
  });
  const quotientOrder = smallerOrder(phi, r + 2);
  const half = factorial(m) / 2n;
  if (quotientOrder >= half) return undefined;
  return { order: half * quotientOrder, orbit, kind: giant.kind, quotientOrder };
}
