import { RandomSource } from '../../core/random.js';
import { identityArray, invert, isIdentity, permKey, powerBig } from '../core/kernels.js';
import { blockAction, coarseBlockSystem, type BlockSystem } from './blocks.js';
import { ProductReplacement } from './productReplacement.js';
import type { GroupProgressHandler } from './progress.js';
import { randomSchreierSims } from './randomSchreierSims.js';
import { chainWithBase, schreierSimsWithin } from './schreierSims.js';
import { chainOrder } from './StabChain.js';

/** The order of a group found through a block system, and how it was proved. */
export interface ImprimitiveOrder {
  readonly order: bigint;
  /**
   * 'block-base': a deterministic Schreier-Sims chain whose base lies in the blocks (the action
   * on blocks is faithful); 'wreath-bound': |G| = |top| |L|^k, the upper bound of G inside
   * L wr top, reached by kernel elements found.
   */
  readonly certificate: 'block-base' | 'wreath-bound';
  readonly blocks: BlockSystem;
}

/** What imprimitiveOrder needs to know about the smaller groups it meets (PermGroup answers, by recursion). */
export interface SmallerGroups {
  /** Whether <gens> on 0..degree-1 is Sym or Alt of its points, and its exact order (computed on demand). */
  readonly top: (gens: Int32Array[], degree: number) => { giant: boolean; order: () => bigint };
  /** The exact order of <gens> on 0..degree-1. */
  readonly order: (gens: Int32Array[], degree: number) => bigint;
}

/**
 * |G| for a transitive group <gens> on 0..degree-1 with a block system, or undefined when no
 * block system was found or neither proof below applies (the caller then builds a chain).
 * With k blocks of size s, G maps onto its action T on the blocks with kernel K, |G| = |T| |K|.
 * 1. T not a giant: deterministic Schreier-Sims for G acting on blocks and points together
 *    (blocks numbered first, so base points are blocks while any element moves a block). When no
 *    base point is needed among the points, T's action is faithful and the chain (orbits of at
 *    most k points) gives |G| exactly at a cost of about the chain of T times degree/k, instead
 *    of orbits of the whole degree (M23 on 70,840 points: 23 blocks). A kernel element stops it.
 * 2. Otherwise: L, the group the stabilizer of block B induces on B, is computed exactly from
 *    the Schreier generators of the block stabilizer (Schreier's lemma, restricted to B); K lies
 *    in the product of the k conjugates of L, so |G| <= |T| |L|^k. Kernel elements g^m (m the
 *    order of g on the blocks, g random) are sifted into a chain until its order reaches |L|^k;
 *    that chain is of a subgroup of K, so reaching the bound proves |G| = |T| |L|^k (C2 wr S500:
 *    2^500 500!). Not reaching it within the random phase only means no answer here.
 */
export function imprimitiveOrder(gens: readonly Int32Array[], degree: number, smaller: SmallerGroups, seed: number, onProgress?: GroupProgressHandler): ImprimitiveOrder | undefined {
  const rng = RandomSource.fromSeed(seed);
  const blocks = coarseBlockSystem(gens, degree, rng);
  if (!blocks) return undefined;
  const topGens = blockAction(gens, blocks);
  const top = smaller.top(topGens, blocks.count);
  if (!top.giant) {
    onProgress?.({ stage: `chain through ${blocks.count} blocks of ${blocks.size} points` });
    const k = blocks.count;
    const both = gens.map((g, j) => {
      const e = new Int32Array(k + degree);
      e.set(topGens[j]);
      for (let p = 0; p < degree; p++) e[k + p] = k + g[p];
      return e;
    });
    // orbits here have at most k points: explicit transversals (one lookup per level when
    // sifting instead of a walk up a tree) for orbits of up to 64 points, within EXPLICIT_ENTRIES
    const policy = { maxDegree: Infinity, maxEntries: Math.min(EXPLICIT_ENTRIES, 64 * (k + degree)) };
    const chain = schreierSimsWithin(chainWithBase(k + degree, [], policy), both, k - 1, onProgress);
    if (chain) return { order: chainOrder(chain), certificate: 'block-base', blocks };
  }
  onProgress?.({ stage: `kernel of the action on ${blocks.count} blocks of ${blocks.size} points` });
  const L = smaller.order(blockGroup(gens, topGens, blocks), blocks.size);
  const kernelBound = L ** BigInt(blocks.count);
  const pr = new ProductReplacement(degree, gens.filter((g) => !isIdentity(g)), rng);
  const r = randomSchreierSims(degree, [], {
    knownOrder: kernelBound,
    verify: false,
    consecutive: 40,
    randomElement: () => powerToKernel(pr.next(), blocks),
    onProgress,
  });
  if (r.certificate !== 'known-order') return undefined;
  return { order: top.order() * kernelBound, certificate: 'wreath-bound', blocks };
}

/** Most entries (4 bytes each, twice with the inverses: 128 MiB) an explicit level of the chain through blocks may hold. */
const EXPLICIT_ENTRIES = 1 << 24;

/**
 * Generators of the group L that the stabilizer of the block B of point 0 induces on B (points
 * renumbered 0..s-1 in increasing order): by Schreier's lemma the elements u_c x u_{c^x}^-1
 * (u_c mapping B to block c along a breadth-first tree of the action on blocks, x a generator)
 * generate the block stabilizer, and only their images of the s points of B are needed, so
 * each costs s times the tree depth. Repeats are dropped.
 */
function blockGroup(gens: readonly Int32Array[], topGens: readonly Int32Array[], blocks: BlockSystem): Int32Array[] {
  const k = blocks.count;
  const b0 = blocks.blockOf[0];
  const inv = gens.map((g) => invert(g));
  // Schreier tree on blocks: edge[c] = generator index into c, from[c] = its parent block
  const edge = new Int32Array(k).fill(-2);
  const from = new Int32Array(k);
  edge[b0] = -1;
  const order = [b0];
  for (let i = 0; i < order.length; i++)
    for (let j = 0; j < topGens.length; j++) {
      const c = topGens[j][order[i]];
      if (edge[c] !== -2) continue;
      edge[c] = j;
      from[c] = order[i];
      order.push(c);
    }
  const B: number[] = [];
  for (let p = 0; p < blocks.blockOf.length; p++) if (blocks.blockOf[p] === b0) B.push(p);
  const local = new Int32Array(blocks.blockOf.length);
  B.forEach((p, i) => (local[p] = i));
  // word[c]: generator indices of u_c in order of application
  const word = (c: number): number[] => {
    const w: number[] = [];
    for (let d = c; edge[d] !== -1; d = from[d]) w.push(edge[d]);
    return w.reverse();
  };
  const words = Array.from({ length: k }, (_, c) => word(c));
  const seen = new Set<string>();
  const out: Int32Array[] = [];
  for (let c = 0; c < k; c++)
    for (let j = 0; j < gens.length; j++) {
      const d = topGens[j][c];
      const wc = words[c];
      const wd = words[d];
      const img = new Int32Array(B.length);
      for (let i = 0; i < B.length; i++) {
        let q = B[i];
        for (const t of wc) q = gens[t][q];
        q = gens[j][q];
        for (let t = wd.length - 1; t >= 0; t--) q = inv[wd[t]][q];
        img[i] = local[q];
      }
      const key = permKey(img);
      if (seen.has(key) || isIdentity(img)) continue;
      seen.add(key);
      out.push(img);
    }
  return out.length ? out : [identityArray(B.length)];
}

/** g^m for m the order of g's action on the blocks: an element of the kernel of that action. */
function powerToKernel(g: Int32Array, blocks: BlockSystem): Int32Array {
  const top = blockAction([g], blocks)[0];
  let m = 1n;
  const seenBlock = new Uint8Array(blocks.count);
  for (let c = 0; c < blocks.count; c++) {
    if (seenBlock[c]) continue;
    let len = 0;
    for (let d = c; !seenBlock[d]; d = top[d]) {
      seenBlock[d] = 1;
      len++;
    }
    m = lcm(m, BigInt(len));
  }
  return powerBig(g, m);
}

function lcm(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return (a / x) * b;
}
