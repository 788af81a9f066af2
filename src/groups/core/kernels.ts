/**
 * Permutation kernels on Int32Array, 0-based: p[i] is the image of point i under p.
 *
 * Convention (stated once, used everywhere): groups act from the right, as in GAP and SymPy.
 * The product p*q means "apply p, then q": (p*q)[i] = q[p[i]], i.e. i^(pq) = (i^p)^q.
 * Seress, "Permutation Group Algorithms" (2003), chapter 1; Holt, Eick and O'Brien,
 * "Handbook of Computational Group Theory" (2005), chapter 2.
 */

/** The identity permutation of degree n. */
export function identityArray(n: number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  return p;
}

/** p*q (apply p, then q): out[i] = q[p[i]]. `out` may alias neither p nor q. */
export function compose(p: Int32Array, q: Int32Array, out: Int32Array = new Int32Array(p.length)): Int32Array {
  for (let i = 0; i < p.length; i++) out[i] = q[p[i]];
  return out;
}

/** The inverse permutation: out[p[i]] = i. */
export function invert(p: Int32Array, out: Int32Array = new Int32Array(p.length)): Int32Array {
  for (let i = 0; i < p.length; i++) out[p[i]] = i;
  return out;
}

/** p^k for any integer k (negative powers invert), by repeated squaring: O(n log |k|). */
export function power(p: Int32Array, k: number): Int32Array {
  let base = k < 0 ? invert(p) : p.slice();
  let e = Math.abs(k);
  let result = identityArray(p.length);
  while (e > 0) {
    if (e & 1) result = compose(result, base);
    e = Math.floor(e / 2);
    if (e > 0) base = compose(base, base);
  }
  return result;
}

/**
 * p^e for a non-negative bigint e, in one pass over the cycles (time and memory O(degree)
 * whatever the size of e): each point moves e mod c steps along its cycle of length c.
 */
export function powerBig(p: Int32Array, e: bigint): Int32Array {
  const n = p.length;
  const out = new Int32Array(n);
  const seen = new Uint8Array(n);
  const cycle: number[] = [];
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue;
    cycle.length = 0;
    for (let q = s; !seen[q]; q = p[q]) {
      seen[q] = 1;
      cycle.push(q);
    }
    const c = cycle.length;
    const shift = Number(e % BigInt(c));
    for (let i = 0; i < c; i++) out[cycle[i]] = cycle[(i + shift) % c];
  }
  return out;
}

/** The image i^p of a point. */
export function apply(p: Int32Array, i: number): number {
  return p[i];
}

/** True when p and q are the same permutation (same degree, same images). */
export function equals(p: Int32Array, q: Int32Array): boolean {
  if (p.length !== q.length) return false;
  for (let i = 0; i < p.length; i++) if (p[i] !== q[i]) return false;
  return true;
}

/** True when p fixes every point. */
export function isIdentity(p: Int32Array): boolean {
  for (let i = 0; i < p.length; i++) if (p[i] !== i) return false;
  return true;
}

/** True when p is a permutation of 0..n-1 (each image in range, none repeated). */
export function isPermutation(p: ArrayLike<number>): boolean {
  const seen = new Uint8Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (!Number.isInteger(v) || v < 0 || v >= p.length || seen[v]) return false;
    seen[v] = 1;
  }
  return true;
}

/** Cycle lengths of p (fixed points included as 1-cycles). */
export function cycleType(p: Int32Array): number[] {
  const seen = new Uint8Array(p.length);
  const lengths: number[] = [];
  for (let i = 0; i < p.length; i++) {
    if (seen[i]) continue;
    let len = 0;
    for (let j = i; !seen[j]; j = p[j]) {
      seen[j] = 1;
      len++;
    }
    lengths.push(len);
  }
  return lengths;
}

/** True when p is an even permutation (n minus the number of cycles is even). */
export function isEven(p: Int32Array): boolean {
  return (p.length - cycleType(p).length) % 2 === 0;
}

/** A string key for hashing permutations in sets and maps. */
export function permKey(p: Int32Array): string {
  return p.join(',');
}
