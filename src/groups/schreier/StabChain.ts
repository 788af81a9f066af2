import type { RandomSource } from '../../core/random.js';
import { compose, identityArray, invert, isIdentity } from '../perm/kernels.js';

/**
 * One level of a stabilizer chain G = G^(0) >= G^(1) >= ... >= G^(m) = 1 with base
 * (b_0, ..., b_{m-1}), where G^(i) fixes b_0..b_{i-1} pointwise (Seress, "Permutation Group
 * Algorithms", section 4.1; Holt-Eick-O'Brien, "Handbook of CGT", section 4.4).
 * Level i holds the strong generators lying in G^(i), the orbit b_i^{G^(i)} and an explicit
 * transversal: for each orbit point beta, u[beta] maps b_i to beta (i.e. u[beta][b_i] = beta),
 * with its inverse (what sift needs). Explicit transversals cost degree x |orbit| integers per
 * level and make sift one multiplication per level, which is what the speed targets need.
 */
export interface ChainLevel {
  readonly basePoint: number;
  /** Strong generators in G^(i) (0-based image arrays, never mutated). */
  readonly gens: Int32Array[];
  /** The orbit of basePoint under gens, in discovery order (orbit[0] = basePoint). */
  readonly orbit: number[];
  /** transversal[beta]: an element mapping basePoint to beta, or undefined off the orbit. */
  readonly transversal: (Int32Array | undefined)[];
  /** inverses of the transversal elements. */
  readonly inverse: (Int32Array | undefined)[];
}

/** A base and strong generating set as a stabilizer chain (data only; functions below). */
export interface StabChain {
  readonly degree: number;
  readonly levels: ChainLevel[];
}

/** An empty chain (the trivial group) of the given degree. */
export function emptyChain(degree: number): StabChain {
  return { degree, levels: [] };
}

/** A new level with base point b and no generators yet (orbit {b}). */
export function newLevel(degree: number, b: number): ChainLevel {
  const transversal: (Int32Array | undefined)[] = new Array(degree);
  const inverse: (Int32Array | undefined)[] = new Array(degree);
  const id = identityArray(degree);
  transversal[b] = id;
  inverse[b] = id;
  return { basePoint: b, gens: [], orbit: [b], transversal, inverse };
}

/**
 * Add generator s to a level and extend its orbit and transversal by breadth-first search:
 * existing transversal elements never change (the deterministic Schreier-Sims relies on it).
 * Returns the number of new orbit points.
 */
export function addGenerator(level: ChainLevel, s: Int32Array): number {
  level.gens.push(s);
  const before = level.orbit.length;
  // images of old points under the new generator
  for (let k = 0; k < before; k++) extendBy(level, level.orbit[k], s);
  // new points under every generator
  for (let k = before; k < level.orbit.length; k++) {
    const beta = level.orbit[k];
    for (const g of level.gens) extendBy(level, beta, g);
  }
  return level.orbit.length - before;
}

function extendBy(level: ChainLevel, beta: number, g: Int32Array): void {
  const gamma = g[beta];
  if (level.transversal[gamma] !== undefined) return;
  const u = compose(level.transversal[beta]!, g);
  level.transversal[gamma] = u;
  level.inverse[gamma] = invert(u);
  level.orbit.push(gamma);
}

/** Result of sifting: the residue and the level where sifting stopped (levels.length if it went through). */
export interface SiftResult {
  readonly residue: Int32Array;
  readonly level: number;
}

/**
 * Sift g through the chain from level `start` (Seress section 4.1, "sifting"; HEO 4.4, "strip"):
 * at level i, with beta = b_i^g, replace g by g * u_beta^{-1} (which fixes b_i); stop when beta
 * is off the orbit. g is in the group iff the residue at the end is the identity.
 * Cost: one multiplication of degree n per level.
 */
export function sift(chain: StabChain, g: Int32Array, start = 0): SiftResult {
  const residue = g.slice();
  const level = siftInPlace(chain, residue, new Int32Array(chain.degree), start);
  return { residue, level };
}

/**
 * sift without allocation, for the inner loops of Schreier-Sims: `h` is replaced by the
 * residue, `scratch` (same length) is overwritten; returns the level where sifting stopped.
 */
export function siftInPlace(chain: StabChain, h: Int32Array, scratch: Int32Array, start = 0): number {
  let cur = h;
  let other = scratch;
  let level = chain.levels.length;
  const n = chain.degree;
  for (let i = start; i < chain.levels.length; i++) {
    const L = chain.levels[i];
    const beta = cur[L.basePoint];
    if (beta === L.basePoint) continue; // u_b is the identity: nothing to multiply
    const inv = L.inverse[beta];
    if (inv === undefined) {
      level = i;
      break;
    }
    for (let p = 0; p < n; p++) other[p] = inv[cur[p]];
    const t = cur;
    cur = other;
    other = t;
  }
  if (cur !== h) h.set(cur);
  return level;
}

/**
 * True when y sifts to the identity from level `start`, decided without forming the residue:
 * only the images of base points are followed along the path of inverse transversal elements
 * (O(k^2) lookups for k non-trivial levels), then y = u_k ... u_1 is checked point by point with
 * early exit (O(nk) on success). About half the work of siftInPlace for Schreier generators,
 * which almost always sift through. `path` is scratch space of at least levels.length entries.
 */
export function siftsToIdentity(chain: StabChain, y: Int32Array, start: number, path: Int32Array[]): boolean {
  let k = 0;
  const levels = chain.levels;
  for (let i = start; i < levels.length; i++) {
    const L = levels[i];
    let beta = y[L.basePoint];
    for (let t = 0; t < k; t++) beta = path[t][beta];
    if (beta === L.basePoint) continue;
    const inv = L.inverse[beta];
    if (inv === undefined) return false;
    path[k++] = inv;
  }
  const n = chain.degree;
  for (let p = 0; p < n; p++) {
    let q = y[p];
    for (let t = 0; t < k; t++) q = path[t][q];
    if (q !== p) return false;
  }
  return true;
}

/** True when g (0-based images of the chain's degree) lies in the group of the chain. */
export function chainContains(chain: StabChain, g: Int32Array): boolean {
  if (g.length !== chain.degree) return false;
  return isIdentity(sift(chain, g).residue);
}

/** |G| = product of the basic orbit lengths |b_i^{G^(i)}| (Seress 4.1), as a bigint. */
export function chainOrder(chain: StabChain, fromLevel = 0): bigint {
  let order = 1n;
  for (let i = fromLevel; i < chain.levels.length; i++) order *= BigInt(chain.levels[i].orbit.length);
  return order;
}

/** The base (b_0, ..., b_{m-1}), 0-based. */
export function chainBase(chain: StabChain): number[] {
  return chain.levels.map((l) => l.basePoint);
}

/** The strong generating set: the union of the levels' generators, without repeats. */
export function strongGenerators(chain: StabChain): Int32Array[] {
  const seen = new Set<Int32Array>();
  for (const L of chain.levels) for (const g of L.gens) seen.add(g);
  return [...seen];
}

/**
 * A uniformly random element: u_{m-1} ... u_1 u_0 with u_i uniform in the transversal of level
 * i (every element of G factors uniquely this way; Seress 4.1, HEO 4.4).
 */
export function randomChainElement(chain: StabChain, rng: RandomSource): Int32Array {
  let g = identityArray(chain.degree);
  for (let i = chain.levels.length - 1; i >= 0; i--) {
    const L = chain.levels[i];
    g = compose(g, L.transversal[L.orbit[rng.int(L.orbit.length)]]!);
  }
  return g;
}

/**
 * Every element of the group, each once, as products u_{m-1} ... u_0 of transversal elements.
 * For small groups only (|G| elements of degree n are produced).
 */
export function* chainElements(chain: StabChain): Generator<Int32Array> {
  const m = chain.levels.length;
  function* rec(i: number, prefix: Int32Array): Generator<Int32Array> {
    if (i < 0) {
      yield prefix;
      return;
    }
    const L = chain.levels[i];
    for (const beta of L.orbit) yield* rec(i - 1, compose(prefix, L.transversal[beta]!));
  }
  yield* rec(m - 1, identityArray(chain.degree));
}

/** The first point moved by g, or -1 when g is the identity. */
export function firstMovedPoint(g: Int32Array): number {
  for (let i = 0; i < g.length; i++) if (g[i] !== i) return i;
  return -1;
}
