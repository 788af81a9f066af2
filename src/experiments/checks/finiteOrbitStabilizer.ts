import { InputRangeError } from '../../core/errors.js';
import { quantiseLevels } from '../../actions/quantise.js';
import type { Perm } from '../../groups/perm/Perm.js';
import type { PermGroup } from '../../groups/perm/PermGroup.js';
import type { CheckResult } from './checkResult.js';

/** What the run reports for one image under a finite pixel group (e.g. imageStabilizer's result). */
export interface FiniteStabilizerClaim {
  readonly orbitSize: bigint;
  readonly stabilizerOrder: bigint;
  /** The stabilizer as reported: a group (its elements are enumerated) or an explicit element list. */
  readonly stabilizer: PermGroup | readonly Perm[];
}

/** Options of the finite orbit-stabilizer check. */
export interface FiniteCheckOptions {
  /** Quantisation levels the stabilizer was computed at (undefined: exact values). */
  readonly levels?: number;
  /** Largest orbit enumerated (default 200000); a larger orbit fails the check as too large to verify. */
  readonly maxOrbit?: number;
  /** Largest |S| whose closure is checked on all |S|^2 products (default 2048); above, products with the first 2048. */
  readonly maxClosure?: number;
}

/** A set key of an integer array: its bytes as a latin1 string (exact, and ~5x faster than join). */
const key = (a: Int32Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('latin1');

/** Fixed pseudo-random odd 32-bit weights of each pixel (a hash only picks candidates; equality is always checked in full). */
const weightCache = new Map<number, Int32Array>();
function hashWeights(n: number): Int32Array {
  let w = weightCache.get(n);
  if (!w) {
    w = new Int32Array(n);
    let s = 0x9e3779b9 | 0;
    for (let p = 0; p < n; p++) {
      // xorshift32: deterministic, no seed needed (collisions cost time, never correctness)
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      w[p] = s | 1;
    }
    weightCache.set(n, w);
  }
  return w;
}

/**
 * An exact set of integer images of n pixels, stored row after row (bytes when every level fits
 * in one): a 32-bit hash, sum_p image[p] * weight[p] mod 2^32, picks the candidates and each is
 * compared pixel by pixel, so two images are the same member only when they are equal. Far
 * cheaper than string keys of the whole image (the orbit of a 28 x 28 feature under p4m has
 * thousands of images, each reached once per generator).
 */
class ImageSet {
  private rows: Uint8Array | Int32Array;
  private readonly buckets = new Map<number, number | number[]>();
  size = 0;

  constructor(
    private readonly n: number,
    sample: Int32Array,
  ) {
    let max = 0;
    for (const v of sample) max = Math.max(max, v);
    // levels are >= 0 (quantiseLevels), and every image of the orbit has the sample's levels
    this.rows = max < 256 ? new Uint8Array(n * 64) : new Int32Array(n * 64);
  }

  /** The hash of an image (the one the orbit loop computes while it permutes). */
  hash(y: ArrayLike<number>): number {
    const w = hashWeights(this.n);
    let h = 0;
    for (let p = 0; p < this.n; p++) h = (h + Math.imul(y[p], w[p])) | 0;
    return h;
  }

  /** Member i (a view; valid until the next add). */
  row(i: number): Uint8Array | Int32Array {
    return this.rows.subarray(i * this.n, (i + 1) * this.n);
  }

  private equals(i: number, y: ArrayLike<number>): boolean {
    const r = this.rows;
    const o = i * this.n;
    for (let p = 0; p < this.n; p++) if (r[o + p] !== y[p]) return false;
    return true;
  }

  /** Add y (with its hash) unless an equal image is a member; true when it was new. */
  add(y: ArrayLike<number>, h: number): boolean {
    const b = this.buckets.get(h);
    if (b !== undefined) {
      if (typeof b === 'number' ? this.equals(b, y) : b.some((i) => this.equals(i, y))) return false;
    }
    if ((this.size + 1) * this.n > this.rows.length) {
      const grown = new (this.rows.constructor as Uint8ArrayConstructor | Int32ArrayConstructor)(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    this.rows.set(y, this.size * this.n);
    const i = this.size++;
    this.buckets.set(h, b === undefined ? i : typeof b === 'number' ? [b, i] : [...b, i]);
    return true;
  }
}

/**
 * Independent check of one finite stabilizer: enumerate the orbit {g.x} by closing {x} under the
 * group's generators ((g.x)[g(p)] = x[p]) and compare its size with |G|/|S|; check that the
 * reported S has the reported order, contains the identity, lies in G, fixes x, and is closed
 * under composition. None of this uses the orbit-stabilizer theorem or the stabilizer search,
 * so a wrong stabilizer (an element dropped, or another subgroup of the same order) fails.
 */
export function checkFiniteOrbitStabilizer(name: string, group: PermGroup, pixels: ArrayLike<number>, reported: FiniteStabilizerClaim, options: FiniteCheckOptions = {}): CheckResult {
  const n = group.degree;
  if (pixels.length !== n) throw new InputRangeError(`checkFiniteOrbitStabilizer: image has ${pixels.length} pixels, group degree is ${n}`);
  const fail = (details: string): CheckResult => ({ name, passed: false, details });
  const q = quantiseLevels(pixels, options.levels);
  const order = group.order();

  // the orbit, by breadth-first closure under the generators
  const maxOrbit = options.maxOrbit ?? 200_000;
  const seen = new ImageSet(n, q);
  seen.add(q, seen.hash(q));
  const scratch = new Int32Array(n);
  const weights = hashWeights(n);
  for (let head = 0; head < seen.size; head++) {
    // a view of member `head`; growing the set copies rows into a new buffer and leaves this one intact
    const x = seen.row(head);
    for (const g of group.generators) {
      const to = g.images;
      // (g.x)[g(p)] = x[p], hashed in the same pass (a sum mod 2^32, so the order does not matter)
      let h = 0;
      for (let p = 0; p < n; p++) {
        const v = x[p];
        const d = to[p];
        scratch[d] = v;
        h = (h + Math.imul(v, weights[d])) | 0;
      }
      if (seen.add(scratch, h) && seen.size > maxOrbit) return fail(`the orbit has more than ${maxOrbit} images: too large to enumerate`);
    }
  }
  const orbit = BigInt(seen.size);

  // the reported stabilizer, element by element
  const elements = Array.isArray(reported.stabilizer) ? (reported.stabilizer as readonly Perm[]) : [...(reported.stabilizer as PermGroup).elements()];
  const members = new Set(elements.map((s) => key(s.images)));
  if (BigInt(members.size) !== BigInt(elements.length)) return fail(`the stabilizer lists ${elements.length} elements but only ${members.size} are distinct`);
  const sOrder = BigInt(members.size);
  if (sOrder !== reported.stabilizerOrder) return fail(`the stabilizer has ${sOrder} elements, reported |S| = ${reported.stabilizerOrder}`);
  if (!members.has(key(Int32Array.from({ length: n }, (_, p) => p)))) return fail('the stabilizer does not contain the identity');
  for (const s of elements) {
    if (!group.contains(s)) return fail(`stabilizer element ${s.toString()} is not in G`);
    for (let p = 0; p < n; p++) if (q[s.images[p]] !== q[p]) return fail(`stabilizer element ${s.toString()} moves the image (pixel ${p})`);
  }
  const maxClosure = options.maxClosure ?? 2048;
  const right = elements.slice(0, maxClosure);
  const prod = new Int32Array(n);
  for (const a of right)
    for (const b of elements) {
      // a*b applies a then b (GAP's convention, as Perm.mul)
      for (let p = 0; p < n; p++) prod[p] = b.images[a.images[p]];
      if (!members.has(key(prod))) return fail(`the stabilizer is not closed: ${a.toString()} * ${b.toString()} is missing`);
    }

  if (orbit !== reported.orbitSize) return fail(`enumerated orbit has ${orbit} images, reported |O| = ${reported.orbitSize}`);
  if (orbit * sOrder !== order) return fail(`enumerated |O| * |S| = ${orbit} * ${sOrder} = ${orbit * sOrder}, |G| = ${order}`);
  const closure = elements.length > maxClosure ? ` (closure on the first ${maxClosure} x ${elements.length} products)` : '';
  return { name, passed: true, details: `enumerated orbit ${orbit} images, S has ${sOrder} elements (identity, in G, fix x, closed${closure}); ${orbit} * ${sOrder} = |G| = ${order}` };
}
