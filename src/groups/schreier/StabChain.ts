import type { RandomSource } from '../../core/random.js';
import { compose, identityArray, invert, isIdentity } from '../core/kernels.js';

/**
 * One level of a stabilizer chain G = G^(0) >= G^(1) >= ... >= G^(m) = 1 with base
 * (b_0, ..., b_{m-1}), where G^(i) fixes b_0..b_{i-1} pointwise (Seress, "Permutation Group
 * Algorithms", section 4.1; Holt-Eick-O'Brien, "Handbook of CGT", section 4.4).
 *
 * The transversal (for each orbit point beta an element u_beta mapping b_i to beta) is stored
 * as a Schreier tree (Seress 4.1, 4.4): label[beta] is the index in treeGens of the element t
 * by which beta was reached from back = beta^(t^-1), so u_beta = u_back t. That is O(degree)
 * integers per level instead of the O(degree |orbit|) of explicit transversals, which do not fit
 * in memory for large orbits (M23 on 70,840 points: 40 GB). The tree is kept shallow (Seress
 * 4.4): when its depth passes 2 log2 |orbit| + 4, the transversal element of a deepest point
 * is added to treeGens and the tree rebuilt by breadth-first search, which at least halves the
 * depth of that point's branch. A level whose orbit is small (degree x |orbit| at most
 * transversalPolicy) also keeps the explicit transversal and its inverses, since one lookup then
 * replaces a walk up the tree (measured in bench/groups.ts).
 */
export interface ChainLevel {
  readonly basePoint: number;
  /** Strong generators in G^(i) (0-based image arrays, never mutated). */
  readonly gens: Int32Array[];
  /** The orbit of basePoint under gens, in discovery order (orbit[0] = basePoint). */
  readonly orbit: number[];
  /** Elements of G^(i) labelling tree edges: gens first (same indices), then shortcuts. */
  readonly treeGens: Int32Array[];
  /** Inverses of treeGens. */
  readonly treeInv: Int32Array[];
  /** label[beta]: index into treeGens of the edge into beta; -1 at the root, -2 off the orbit. */
  label: Int32Array;
  /** depth[beta] in the tree (0 at the root), valid on the orbit. */
  depth: Int32Array;
  /** Largest depth of any orbit point. */
  maxDepth: number;
  /** Increased whenever existing transversal elements change (tree rebuilt). */
  version: number;
  /** Largest degree x |orbit| for which the explicit transversal is kept (from the chain's policy). */
  readonly explicitLimit: number;
  /** Explicit transversal elements and inverses, kept while the orbit is small. */
  explicit: { u: (Int32Array | undefined)[]; inv: (Int32Array | undefined)[] } | undefined;
}

/** A base and strong generating set as a stabilizer chain (data only; functions below). */
export interface StabChain {
  readonly degree: number;
  readonly levels: ChainLevel[];
  /** When levels keep explicit transversals (default transversalPolicy, read when a level is made). */
  readonly policy?: TransversalPolicy;
}

/** When a chain's levels keep explicit transversals (see transversalPolicy). */
export interface TransversalPolicy {
  readonly maxDegree: number;
  readonly maxEntries: number;
}

/**
 * When a level also keeps explicit transversals: degree at most maxDegree (so a whole chain holds
 * at most about degree^3 integers: 67 MB at 256) and degree x |orbit| at most maxEntries.
 * Mutable for bench/groups.ts, which measures both forms; library code never changes it.
 */
export const transversalPolicy: { maxDegree: number; maxEntries: number } = { maxDegree: 256, maxEntries: 1 << 16 };

/** An empty chain (the trivial group) of the given degree. */
export function emptyChain(degree: number): StabChain {
  return { degree, levels: [] };
}

/** A new level with base point b and no generators yet (orbit {b}); explicit transversals as `policy` allows. */
export function newLevel(degree: number, b: number, policy: TransversalPolicy = transversalPolicy): ChainLevel {
  const label = new Int32Array(degree).fill(-2);
  label[b] = -1;
  const id = identityArray(degree);
  const explicit = degree <= policy.maxDegree ? { u: new Array<Int32Array | undefined>(degree), inv: new Array<Int32Array | undefined>(degree) } : undefined;
  if (explicit) {
    explicit.u[b] = id;
    explicit.inv[b] = id;
  }
  return { basePoint: b, gens: [], orbit: [b], treeGens: [], treeInv: [], label, depth: new Int32Array(degree), maxDepth: 0, version: 0, explicitLimit: policy.maxEntries, explicit };
}

/** Depth bound of a level's tree before it is rebuilt with a shortcut. */
function depthBound(orbitLength: number): number {
  return 2 * Math.ceil(Math.log2(orbitLength + 1)) + 4;
}

/**
 * Add generator s to a level and extend its orbit and tree by breadth-first search: existing
 * tree edges never change here (the deterministic Schreier-Sims relies on it; a rebuild for
 * depth increases `version`). Returns the number of new orbit points.
 */
export function addGenerator(level: ChainLevel, s: Int32Array): number {
  // gens and treeGens share indices 0..gens.length-1: shortcuts are moved up by one
  level.gens.push(s);
  level.treeGens.splice(level.gens.length - 1, 0, s);
  level.treeInv.splice(level.gens.length - 1, 0, inverseOf(s));
  if (level.treeGens.length > level.gens.length) relabelShortcuts(level, level.gens.length - 1);
  const before = level.orbit.length;
  const t = level.gens.length - 1;
  for (let k = 0; k < before; k++) extendBy(level, level.orbit[k], t);
  for (let k = before; k < level.orbit.length; k++) {
    const beta = level.orbit[k];
    for (let j = 0; j < level.treeGens.length; j++) extendBy(level, beta, j);
  }
  if (level.explicit && level.orbit.length * level.label.length > level.explicitLimit) level.explicit = undefined;
  // explicit levels never walk the tree: their depth does not matter
  if (!level.explicit && level.maxDepth > depthBound(level.orbit.length)) shortenTree(level);
  return level.orbit.length - before;
}

/** Inverses of strong generators, shared by the levels a generator is added to. */
const inverses = new WeakMap<Int32Array, Int32Array>();
function inverseOf(s: Int32Array): Int32Array {
  let v = inverses.get(s);
  if (!v) inverses.set(s, (v = invert(s)));
  return v;
}

/** After inserting a generator at index `at` of treeGens, shift shortcut labels >= at by one. */
function relabelShortcuts(level: ChainLevel, at: number): void {
  for (const beta of level.orbit) if (level.label[beta] >= at) level.label[beta]++;
}

function extendBy(level: ChainLevel, beta: number, j: number): void {
  const gamma = level.treeGens[j][beta];
  if (level.label[gamma] !== -2) return;
  level.label[gamma] = j;
  const d = level.depth[beta] + 1;
  level.depth[gamma] = d;
  if (d > level.maxDepth) level.maxDepth = d;
  level.orbit.push(gamma);
  if (level.explicit) {
    const u = compose(level.explicit.u[beta]!, level.treeGens[j]);
    level.explicit.u[gamma] = u;
    level.explicit.inv[gamma] = invert(u);
  }
}

/**
 * Seress 4.4 in its simplest form: add u_delta for a deepest point delta as a shortcut edge and
 * rebuild the tree breadth-first (the orbit is unchanged). Repeated while the depth is above the
 * bound and shortcuts still help.
 */
function shortenTree(level: ChainLevel): void {
  for (let rounds = 0; rounds < 8 && level.maxDepth > depthBound(level.orbit.length); rounds++) {
    let deepest = level.basePoint;
    for (const beta of level.orbit) if (level.depth[beta] > level.depth[deepest]) deepest = beta;
    const u = transversalElement(level, deepest)!;
    level.treeGens.push(u);
    level.treeInv.push(invert(u));
    const before = level.maxDepth;
    rebuildTree(level);
    if (level.maxDepth >= before) break;
  }
}

/** Rebuild label/depth (and the explicit transversal) by breadth-first search over treeGens. */
function rebuildTree(level: ChainLevel): void {
  const n = level.label.length;
  level.label.fill(-2);
  level.label[level.basePoint] = -1;
  level.depth[level.basePoint] = 0;
  level.maxDepth = 0;
  const old = level.orbit.length;
  level.orbit.length = 0;
  level.orbit.push(level.basePoint);
  if (level.explicit) {
    level.explicit.u = new Array<Int32Array | undefined>(n);
    level.explicit.inv = new Array<Int32Array | undefined>(n);
    const id = identityArray(n);
    level.explicit.u[level.basePoint] = id;
    level.explicit.inv[level.basePoint] = id;
  }
  for (let k = 0; k < level.orbit.length; k++) for (let j = 0; j < level.treeGens.length; j++) extendBy(level, level.orbit[k], j);
  if (level.orbit.length !== old) throw new Error(`rebuildTree: orbit changed from ${old} to ${level.orbit.length}`);
  level.version++;
}

/**
 * The word of inverse tree elements that carries beta back to the base point: beta^(w_0 w_1 ...)
 * = b_i, so u_beta^-1 = w_0 w_1 ... (pushed onto `out`). Returns false when beta is off the orbit.
 */
export function inverseWord(level: ChainLevel, beta: number, out: Int32Array[]): boolean {
  if (level.label[beta] === -2) return false;
  for (let b = beta; level.label[b] !== -1; ) {
    const w = level.treeInv[level.label[b]];
    out.push(w);
    b = w[b];
  }
  return true;
}

/** u_beta (maps the base point to beta), or undefined off the orbit. A fresh array unless explicit. */
export function transversalElement(level: ChainLevel, beta: number): Int32Array | undefined {
  if (level.label[beta] === -2) return undefined;
  if (level.explicit) return level.explicit.u[beta];
  // u_beta = t_1 t_2 ... t_k for the edges t_j on the path from the root to beta
  const edges: Int32Array[] = [];
  for (let b = beta; level.label[b] !== -1; ) {
    const j = level.label[b];
    edges.push(level.treeGens[j]);
    b = level.treeInv[j][b];
  }
  edges.reverse();
  return applyWord(identityArray(level.label.length), edges);
}

/** u_beta^-1, or undefined off the orbit. */
export function inverseTransversalElement(level: ChainLevel, beta: number): Int32Array | undefined {
  if (level.label[beta] === -2) return undefined;
  if (level.explicit) return level.explicit.inv[beta];
  const word: Int32Array[] = [];
  inverseWord(level, beta, word);
  return applyWord(identityArray(level.label.length), word);
}

/** g w_0 w_1 ... as a fresh array: out[p] = w_last(...w_0(g[p])). */
function applyWord(g: Int32Array, word: readonly Int32Array[], out: Int32Array = new Int32Array(g.length)): Int32Array {
  const n = g.length;
  const k = word.length;
  for (let p = 0; p < n; p++) {
    let q = g[p];
    for (let t = 0; t < k; t++) q = word[t][q];
    out[p] = q;
  }
  return out;
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
 * Cost: one pass over the degree per level (times the tree depth when not explicit).
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
  const word: Int32Array[] = [];
  for (let i = start; i < chain.levels.length; i++) {
    const L = chain.levels[i];
    const beta = cur[L.basePoint];
    if (beta === L.basePoint) continue; // u_b is the identity: nothing to multiply
    if (L.label[beta] === -2) {
      level = i;
      break;
    }
    if (L.explicit) {
      const inv = L.explicit.inv[beta]!;
      for (let p = 0; p < n; p++) other[p] = inv[cur[p]];
    } else {
      word.length = 0;
      inverseWord(L, beta, word);
      applyWord(cur, word, other);
    }
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
 * (tree words), then y followed by the whole path is checked point by point with early exit.
 * About half the work of siftInPlace for Schreier generators, which almost always sift through.
 * `path` is scratch space (cleared here).
 */
export function siftsToIdentity(chain: StabChain, y: Int32Array, start: number, path: Int32Array[]): boolean {
  path.length = 0;
  const levels = chain.levels;
  for (let i = start; i < levels.length; i++) {
    const L = levels[i];
    let beta = y[L.basePoint];
    for (let t = 0; t < path.length; t++) beta = path[t][beta];
    if (beta === L.basePoint) continue;
    if (L.label[beta] === -2) return false;
    if (L.explicit) path.push(L.explicit.inv[beta]!);
    else inverseWord(L, beta, path);
  }
  const n = chain.degree;
  const k = path.length;
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

/** Integers held by the chain's transversals and generators (a memory measure; 4 bytes each). */
export function chainFootprint(chain: StabChain): number {
  let total = 0;
  const seen = new Set<Int32Array>();
  for (const L of chain.levels) {
    total += 2 * L.label.length;
    for (const g of [...L.treeGens, ...L.treeInv]) {
      if (seen.has(g)) continue;
      seen.add(g);
      total += g.length;
    }
    if (L.explicit) total += 2 * L.orbit.length * chain.degree;
  }
  return total;
}

/**
 * A uniformly random element: u_{m-1} ... u_1 u_0 with u_i uniform in the transversal of level
 * i (every element of G factors uniquely this way; Seress 4.1, HEO 4.4).
 */
export function randomChainElement(chain: StabChain, rng: RandomSource): Int32Array {
  let g = identityArray(chain.degree);
  for (let i = chain.levels.length - 1; i >= 0; i--) {
    const L = chain.levels[i];
    g = compose(g, transversalElement(L, L.orbit[rng.int(L.orbit.length)])!);
  }
  return g;
}

/**
 * Every element of the group, each once, as products u_{m-1} ... u_0 of transversal elements.
 * For small groups only (|G| elements of degree n are produced).
 */
export function* chainElements(chain: StabChain): Generator<Int32Array> {
  const m = chain.levels.length;
  const transversals = chain.levels.map((L) => L.orbit.map((beta) => transversalElement(L, beta)!));
  function* rec(i: number, prefix: Int32Array): Generator<Int32Array> {
    if (i < 0) {
      yield prefix;
      return;
    }
    for (const u of transversals[i]) yield* rec(i - 1, compose(prefix, u));
  }
  yield* rec(m - 1, identityArray(chain.degree));
}

/** The first point moved by g, or -1 when g is the identity. */
export function firstMovedPoint(g: Int32Array): number {
  for (let i = 0; i < g.length; i++) if (g[i] !== i) return i;
  return -1;
}
