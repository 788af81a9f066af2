import type { PermGroup } from '../../groups/perm/PermGroup.js';

/** Fixed pseudo-random odd 32-bit weights of each pixel (a hash only picks candidates; equality is always checked in full). */
const weightCache = new Map<number, Int32Array>();
export function hashWeights(n: number): Int32Array {
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
 * An exact set of integer arrays of n entries, stored row after row (bytes when every value fits
 * in one): a 32-bit hash, sum_p y[p] * weight[p] mod 2^32, picks the candidates and each is
 * compared entry by entry, so two arrays are the same member only when they are equal.
 */
class RowSet {
  private rows: Uint8Array | Int32Array;
  private readonly buckets = new Map<number, number | number[]>();
  size = 0;

  constructor(
    private readonly n: number,
    sample: Int32Array,
  ) {
    let max = 0;
    for (const v of sample) max = Math.max(max, v);
    // values are >= 0 (quantiseLevels, permutation images), and every row has the sample's values
    this.rows = max < 256 ? new Uint8Array(n * 64) : new Int32Array(n * 64);
  }

  /** Member i (a view; valid until the next add). */
  row(i: number): Uint8Array | Int32Array {
    return this.rows.subarray(i * this.n, (i + 1) * this.n);
  }

  /** All members, row after row (a view; valid until the next add). */
  all(): Uint8Array | Int32Array {
    return this.rows.subarray(0, this.size * this.n);
  }

  private equals(i: number, y: ArrayLike<number>): boolean {
    const r = this.rows;
    const o = i * this.n;
    for (let p = 0; p < this.n; p++) if (r[o + p] !== y[p]) return false;
    return true;
  }

  /** Add y (with its hash) unless an equal row is a member; true when it was new. */
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

const rowHash = (y: ArrayLike<number>, w: Int32Array): number => {
  let h = 0;
  for (let p = 0; p < w.length; p++) h = (h + Math.imul(y[p], w[p])) | 0;
  return h;
};

/**
 * The size of the orbit {g.x} of an integer image, enumerated by breadth-first closure of {x}
 * under the group's generators ((g.x)[g(p)] = x[p]); null when it exceeds maxOrbit. Cost: |O| x
 * (number of generators) x n, for every image (the fallback for groups too large to list).
 */
export function orbitSizeByClosure(group: PermGroup, q: Int32Array, maxOrbit: number, weights: Int32Array = hashWeights(group.degree)): number | null {
  const n = group.degree;
  const seen = new RowSet(n, q);
  seen.add(q, rowHash(q, weights));
  const scratch = new Int32Array(n);
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
      if (seen.add(scratch, h) && seen.size > maxOrbit) return null;
    }
  }
  return seen.size;
}

/** Every element of a finite permutation group as a table of images: images[k * degree + p] = g_k(p). */
export interface GroupTable {
  readonly order: number;
  readonly degree: number;
  readonly images: Int32Array;
  /**
   * Pixel-major: weighted[p * order + k] = weights[g_k(p)], so the hash of g_k.x is
   * sum_p x[p] * weighted[p * order + k], and one pixel's terms for every element are contiguous.
   */
  readonly weighted: Int32Array;
}

/** Largest |G| listed element by element (and |G| x degree entries at most) for the orbit check. */
export const GROUP_TABLE_MAX_ORDER = 131_072;
const GROUP_TABLE_MAX_ENTRIES = 2 ** 25;

const tables = new WeakMap<PermGroup, WeakMap<Int32Array, GroupTable | null>>();

/**
 * Every element of G, enumerated once per group by breadth-first closure of {identity} under
 * the generators (products e * g, e then g), exact (hash, then entry by entry): no stabilizer
 * chain, no group order from the engine. Null when G has more than GROUP_TABLE_MAX_ORDER
 * elements (or the table would pass 2^25 entries).
 */
export function groupTable(group: PermGroup, weights: Int32Array = hashWeights(group.degree)): GroupTable | null {
  let byWeights = tables.get(group);
  if (!byWeights) tables.set(group, (byWeights = new WeakMap()));
  const hit = byWeights.get(weights);
  if (hit !== undefined) return hit;
  const table = closeGenerators(group, weights);
  byWeights.set(weights, table);
  return table;
}

function closeGenerators(group: PermGroup, weights: Int32Array): GroupTable | null {
  const n = group.degree;
  const maxOrder = Math.min(GROUP_TABLE_MAX_ORDER, Math.floor(GROUP_TABLE_MAX_ENTRIES / Math.max(1, n)));
  const identity = Int32Array.from({ length: n }, (_, p) => p);
  const seen = new RowSet(n, identity);
  // permutation rows are hashed with fixed weights of their own (any hash will do: it only picks candidates)
  const pw = hashWeights(n);
  seen.add(identity, rowHash(identity, pw));
  const scratch = new Int32Array(n);
  for (let head = 0; head < seen.size; head++) {
    const e = seen.row(head);
    for (const g of group.generators) {
      const to = g.images;
      let h = 0;
      for (let p = 0; p < n; p++) {
        const v = to[e[p]];
        scratch[p] = v;
        h = (h + Math.imul(v, pw[p])) | 0;
      }
      if (seen.add(scratch, h) && seen.size > maxOrder) return null;
    }
  }
  const images = Int32Array.from(seen.all());
  const order = seen.size;
  const weighted = new Int32Array(images.length);
  for (let k = 0; k < order; k++) for (let p = 0; p < n; p++) weighted[p * order + k] = weights[images[k * n + p]];
  return { order, degree: n, images, weighted };
}

/**
 * The size of the orbit {g.x : g in G} of an integer image, counted over every element of the
 * group's table: each g.x is hashed without being formed (sum_p x[p] w[g(p)] mod 2^32, the
 * same value whatever the order of the sum, so equal images hash alike), and images whose
 * hashes agree are compared pixel by pixel, so the count is exact. The hash is summed over the
 * pixels off the image's most common value c only: with x = c + r, sum_p x[p] w[g(p)] =
 * c sum_p w[p] + sum_p r[p] w[g(p)] mod 2^32 for every permutation g, the same 32-bit value.
 * Cost: |G| x (pixels off c) for the hashes, over the table pixel by pixel (each pixel's
 * weights for all elements are contiguous), plus n for each element whose image repeats an
 * earlier one (|G| - |O| of them, barring collisions).
 */
export function orbitSizeByElements(table: GroupTable, q: Int32Array): number {
  const { order, degree: n, images, weighted } = table;
  // sum_p w[g(p)] is the same for every permutation g: read it off element 0
  let weightSum = 0;
  for (let p = 0; p < n; p++) weightSum = (weightSum + weighted[p * order]) | 0;
  const { constant, offPixels, offValues } = offModalValue(q, weightSum);
  const hashes = new Int32Array(order).fill(constant);
  // pixel by pixel over every element at once: the table streams through in order
  for (let j = 0; j < offPixels.length; j++) {
    const v = offValues[j];
    const row = offPixels[j] * order;
    for (let k = 0; k < order; k++) hashes[k] = (hashes[k] + Math.imul(v, weighted[row + k])) | 0;
  }
  const keys = new Float64Array(order);
  for (let k = 0; k < order; k++) {
    // hash in the high bits, element index in the low 17 (order <= 2^17): sorting groups equal hashes
    keys[k] = (hashes[k] >>> 0) * GROUP_TABLE_MAX_ORDER + k;
  }
  keys.sort();
  let orbit = 0;
  const reps: Int32Array[] = [];
  for (let i = 0; i < order; ) {
    const hash = Math.floor(keys[i] / GROUP_TABLE_MAX_ORDER);
    let j = i + 1;
    while (j < order && Math.floor(keys[j] / GROUP_TABLE_MAX_ORDER) === hash) j++;
    if (j === i + 1) {
      orbit++;
    } else {
      // the exact distinct images among elements i..j-1 (usually one): g.x against each representative
      reps.length = 0;
      for (let m = i; m < j; m++) {
        const base = (keys[m] % GROUP_TABLE_MAX_ORDER) * n;
        // (g.x)[g(p)] = x[p]: g.x equals R when R[g(p)] = x[p] for every p
        const same = reps.some((R) => {
          for (let p = 0; p < n; p++) if (R[images[base + p]] !== q[p]) return false;
          return true;
        });
        if (!same) {
          const R = new Int32Array(n);
          for (let p = 0; p < n; p++) R[images[base + p]] = q[p];
          reps.push(R);
        }
      }
      orbit += reps.length;
    }
    i = j;
  }
  return orbit;
}

/**
 * An image as its most common value c plus the pixels off it: their positions, their values
 * minus c, and c times the sum of the hash weights, mod 2^32.
 */
function offModalValue(q: Int32Array, weightSum: number): { constant: number; offPixels: Int32Array; offValues: Int32Array } {
  const counts = new Map<number, number>();
  let c = q[0] ?? 0;
  let best = 0;
  for (const v of q) {
    const k = (counts.get(v) ?? 0) + 1;
    counts.set(v, k);
    if (k > best) {
      best = k;
      c = v;
    }
  }
  const off: number[] = [];
  for (let p = 0; p < q.length; p++) if (q[p] !== c) off.push(p);
  return { constant: Math.imul(c, weightSum), offPixels: Int32Array.from(off), offValues: Int32Array.from(off, (p) => q[p] - c) };
}
