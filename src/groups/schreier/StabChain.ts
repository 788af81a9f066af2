import { RandomSource } from '../../core/random.js';
import { compose, identityArray, invert, isIdentity } from '../core/kernels.js';

/**
 * One level of a stabilizer chain G = G^(0) >= G^(1) >= ... >= G^(m) = 1 with base
 * (b_0, ..., b_{m-1}), where G^(i) fixes b_0..b_{i-1} pointwise (Seress, "Permutation Group
 * Algorithms", section 4.1; Holt-Eick-O'Brien, "Handbook of CGT", section 4.4).
 *
 * The transversal (for each orbit point beta an element u_beta mapping b_i to beta) is stored
 * as a Schreier tree (Seress 4.1, 4.4): label[beta] is the index in treeGens of the element t
 * by which beta was reached from back = beta^(t^-1), so u_beta = u_back t. That is O(degree)
 * integers per label instead of the O(degree |orbit|) of explicit transversals, which do not fit
 * in memory for large orbits (M23 on 70,840 points: 40 GB). Every sift multiplies by the whole
 * path to the root, so the tree is kept shallow (Seress 4.4: extra labels that are elements of
 * the group shorten every path): when its depth passes treeDepthBound(|orbit|), products of two
 * random transversal elements are added as labels and the tree rebuilt by breadth-first search,
 * until the depth is at most shallowTarget(|orbit|) or the level holds 4 log2 |orbit| shortcuts
 * (so O(degree log |orbit|) integers a level). A level whose orbit is small keeps the explicit
 * transversal and its inverses as well (one lookup replaces a walk up the tree): degree x |orbit|
 * at most policy.maxEntries at degree up to policy.maxDegree, or |orbit| at most
 * policy.smallOrbit at any degree (then as many integers as about 2 x smallOrbit labels; measured
 * in bench/groupsScale.ts with ORBITSCOPE_EXPLICIT).
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
  /** The chain's policy: when the explicit transversal is kept. */
  readonly policy: TransversalPolicy;
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
  /** Up to this degree, levels with degree x |orbit| at most maxEntries are explicit. */
  readonly maxDegree: number;
  readonly maxEntries: number;
  /** At any degree, levels with |orbit| at most smallOrbit (default 0: none) are explicit. */
  readonly smallOrbit?: number;
}

/**
 * When a level also keeps explicit transversals: degree at most maxDegree (so a whole chain holds
 * at most about degree^3 integers: 67 MB at 256) and degree x |orbit| at most maxEntries; or, at
 * any degree, |orbit| at most smallOrbit (64: about as many integers as the shortcut labels, with
 * their inverses, of one tree level of 2^16 points). Such levels are the deep ones of a chain,
 * which every sift passes through; explicit there against trees throughout, the CPU time was 0.85x
 * on PSL(3,64), 0.93x on Co2, 0.87x on S5 wr S5 and 1.25x on Fi22 (bench/groupsScale.ts, runs one
 * after the other at load 22-28, so within about 20%). Mutable for the benches and tests, which
 * measure both forms; library code never changes it.
 */
export const transversalPolicy: { maxDegree: number; maxEntries: number; smallOrbit: number } = { maxDegree: 256, maxEntries: 1 << 16, smallOrbit: 64 };

/** Whether a level of this degree and orbit length keeps its explicit transversal under `policy`. */
function keepsExplicit(policy: TransversalPolicy, degree: number, orbitLength: number): boolean {
  return (degree <= policy.maxDegree && degree * orbitLength <= policy.maxEntries) || orbitLength <= (policy.smallOrbit ?? 0);
}

/** An empty chain (the trivial group) of the given degree. */
export function emptyChain(degree: number): StabChain {
  return { degree, levels: [] };
}

/** A new level with base point b and no generators yet (orbit {b}); explicit transversals as `policy` allows. */
export function newLevel(degree: number, b: number, policy: TransversalPolicy = transversalPolicy): ChainLevel {
  const label = new Int32Array(degree).fill(-2);
  label[b] = -1;
  const id = identityArray(degree);
  const explicit = keepsExplicit(policy, degree, 1) ? { u: new Array<Int32Array | undefined>(degree), inv: new Array<Int32Array | undefined>(degree) } : undefined;
  if (explicit) {
    explicit.u[b] = id;
    explicit.inv[b] = id;
  }
  return { basePoint: b, gens: [], orbit: [b], treeGens: [], treeInv: [], label, depth: new Int32Array(degree), maxDepth: 0, version: 0, policy, explicit };
}

/** Depth of a tree level above which it gets shortcut labels (see shortenTree). */
export function treeDepthBound(orbitLength: number): number {
  return shallowTarget(orbitLength) + 2;
}

/** Largest number of shortcut labels a level adds: 4 log2 |orbit| (Seress 4.4 uses O(log |G|)). */
export function shortcutCap(orbitLength: number): number {
  return 4 * Math.ceil(Math.log2(orbitLength + 1));
}

/**
 * Depth the shortening aims at: with k labels acting like random permutations a breadth-first
 * tree reaches about k^d points at depth d, so log_k |orbit| with k the shortcut cap; at least 3,
 * since depth 2 costs about sqrt |orbit| labels (4161 points: depth 3 with about 30 labels, mean
 * depth 2.75 against 8-14 with the generators alone).
 */
export function shallowTarget(orbitLength: number): number {
  return Math.max(3, Math.ceil(Math.log(orbitLength) / Math.log(shortcutCap(orbitLength))));
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
  if (level.explicit && !keepsExplicit(level.policy, level.label.length, level.orbit.length)) level.explicit = undefined;
  // explicit levels never walk the tree: their depth does not matter
  if (!level.explicit && level.maxDepth > treeDepthBound(level.orbit.length)) shortenTree(level);
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
  // drop the explicit transversal as soon as the orbit outgrows it, not after computing it for the whole orbit
  if (level.explicit && !keepsExplicit(level.policy, level.label.length, level.orbit.length)) level.explicit = undefined;
  if (level.explicit) {
    const u = compose(level.explicit.u[beta]!, level.treeGens[j]);
    level.explicit.u[gamma] = u;
    level.explicit.inv[gamma] = invert(u);
  }
}

/**
 * Shorten a tree that is deeper than treeDepthBound (Seress 4.4; the orbit is unchanged): add
 * u_delta u_epsilon for pseudo-random orbit points delta, epsilon (a fixed seed per level, so
 * chains are reproducible) as labels and rebuild breadth-first, until the depth is at most
 * shallowTarget or shortcutCap labels were added. Random elements spread the orbit like random
 * permutations, so k of them cut the depth to about log_k |orbit|, where the first version's
 * shortcut (u of a deepest point) halved one branch at a time: PSL(3,64) on 4161 points kept
 * mean depths of 8-14 within its bound of 30.
 */
function shortenTree(level: ChainLevel): void {
  const m = level.orbit.length;
  const target = shallowTarget(m);
  const cap = shortcutCap(m);
  const rng = RandomSource.fromSeed(SHORTCUT_SEED + level.basePoint);
  for (let added = level.treeGens.length - level.gens.length; added < cap && level.maxDepth > target; added++) {
    const u = transversalElement(level, level.orbit[rng.int(m)])!;
    level.treeGens.push(compose(u, transversalElement(level, level.orbit[rng.int(m)])!));
    level.treeInv.push(invert(level.treeGens[level.treeGens.length - 1]));
    rebuildTree(level);
  }
}

/** Seed of the shortcut choices (with the base point added, one stream a level). */
const SHORTCUT_SEED = 0x5c4ee5;

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
  return wordElement(level.label.length, edges);
}

/** u_beta^-1, or undefined off the orbit. */
export function inverseTransversalElement(level: ChainLevel, beta: number): Int32Array | undefined {
  if (level.label[beta] === -2) return undefined;
  if (level.explicit) return level.explicit.inv[beta];
  const word: Int32Array[] = [];
  inverseWord(level, beta, word);
  return wordElement(level.label.length, word);
}

/** The product w_0 w_1 ... of a word as a fresh array of degree n: out[p] = w_last(...w_0(p)). */
function wordElement(n: number, word: readonly Int32Array[]): Int32Array {
  const out = new Int32Array(n);
  const k = word.length;
  for (let p = 0; p < n; p++) {
    let q = p;
    for (let t = 0; t < k; t++) q = word[t][q];
    out[p] = q;
  }
  return out;
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
