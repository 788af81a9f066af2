import { InputRangeError } from '../core/errors.js';
import { Perm } from '../groups/perm/Perm.js';
import { factorial } from '../groups/core/factorial.js';
import { PermGroup } from '../groups/perm/PermGroup.js';
import { quantizeLevels } from './quantize.js';
import { elementsByImage, elementsKeepingColor } from './elementsByImage.js';

/** Largest |G| for which the stabilizer of an image is found by enumerating G. */
export const ENUMERATE_MAX_ORDER = 100_000n;

// n! of the degrees seen (a 784-point group's order is compared with 784!, a 1,900-digit bigint,
// once per image: computing it each time took most of imageStabilizer's time on MNIST features)
const factorials = new Map<number, bigint>();

function cachedFactorial(n: number): bigint {
  let f = factorials.get(n);
  if (f === undefined) factorials.set(n, (f = factorial(n)));
  return f;
}

/** Result of imageStabilizer. orbitSize * stabilizerOrder = |G| always. */
export interface ImageStabilizerResult {
  readonly orbitSize: bigint;
  readonly stabilizerOrder: bigint;
  readonly method: 'enumerate' | 'backtrack' | 'young';
  /** The stabilizer as a permutation group (always set by this implementation; optional in the contract). */
  readonly stabilizer?: PermGroup;
}

/**
 * The exact stabilizer S(x) = {g in G : g.x = x} of an image under a pixel permutation group,
 * and its orbit size |G|/|S(x)| (orbit-stabilizer theorem), with (g.x)[p] = x[g^{-1}(p)].
 * Pixels are first quantised to `levels` (default: exact values; see quantiseLevels), so S(x)
 * is the stabilizer of the ordered partition of pixels by level. Method:
 * - 'young' when G is the full symmetric group on the pixels (|G| = n!): S(x) is the Young
 *   subgroup prod S_{m_v}, orbit size n!/prod m_v! (m_v = number of pixels at level v);
 * - 'enumerate' when |G| <= 10^5: every element is tested;
 * - 'backtrack' otherwise: partition backtrack over the stabilizer chain (Seress 9.1; HEO 4.6).
 * `pixels` has length group.degree (row-major, p = row*w + col).
 * Example: a single bright pixel on a 4x4 torus under torusTranslations(4, 4): orbitSize 16n.
 */
export function imageStabilizer(group: PermGroup, pixels: ArrayLike<number>, options: { levels?: number } = {}): ImageStabilizerResult {
  const n = group.degree;
  if (pixels.length !== n) throw new InputRangeError(`imageStabilizer: image has ${pixels.length} pixels, group degree is ${n}`);
  const colour = quantizeLevels(pixels, options.levels);
  const order = group.order();
  if (order === cachedFactorial(n) && n > 1) {
    const classes = new Map<number, number[]>();
    for (let p = 0; p < n; p++) {
      let c = classes.get(colour[p]);
      if (!c) classes.set(colour[p], (c = []));
      c.push(p);
    }
    let stab = 1n;
    const gens: Perm[] = [];
    for (const c of classes.values()) {
      stab *= factorial(c.length);
      if (c.length >= 2) {
        gens.push(Perm.fromImages(Array.from({ length: n }, (_, p) => (p === c[0] ? c[1] : p === c[1] ? c[0] : p))));
        const next = new Map(c.map((p, k) => [p, c[(k + 1) % c.length]]));
        gens.push(Perm.fromImages(Array.from({ length: n }, (_, p) => next.get(p) ?? p)));
      }
    }
    return { orbitSize: order / stab, stabilizerOrder: stab, method: 'young', stabilizer: new PermGroup(gens, n, { knownOrder: stab }) };
  }
  if (order <= ENUMERATE_MAX_ORDER) {
    // only elements that send a pixel of the rarest level to that level can fix the image: test
    // those (in elements() order, so the stabilizer is built as before), each on every pixel
    // Each is checked on the pixels of the rarer levels first: a random element keeps a pixel's
    // level with probability its level's share, so a non-stabilizing element fails within a few
    // pixels; the test is a conjunction over all pixels, so the order changes no answer.
    const index = elementsByImage(group);
    const checkOrder = pixelsByLevelCount(colour);
    const found: Perm[] = [];
    for (const k of elementsKeepingColor(index, colour, checkOrder[0])) {
      const g = index.elements[k];
      let ok = true;
      for (let i = 0; i < n && ok; i++) {
        const p = checkOrder[i];
        ok = colour[g.images[p]] === colour[p];
      }
      if (ok) found.push(g);
    }
    const stab = BigInt(found.length);
    return { orbitSize: order / stab, stabilizerOrder: stab, method: 'enumerate', stabilizer: new PermGroup(found, n, { knownOrder: stab }) };
  }
  const stabilizer = group.partitionStabilizer(colour);
  const stab = stabilizer.order();
  return { orbitSize: order / stab, stabilizerOrder: stab, method: 'backtrack', stabilizer };
}

/**
 * The pixels ordered by how many pixels share their level (levels are 0..k-1, quantizeLevels),
 * fewest first, ties by level and then by pixel: the first is the first pixel of the rarest level.
 */
function pixelsByLevelCount(colour: Int32Array): Int32Array {
  let levels = 0;
  for (const c of colour) levels = Math.max(levels, c + 1);
  const count = new Int32Array(levels);
  for (const c of colour) count[c]++;
  const byCount = Array.from({ length: levels }, (_, c) => c).sort((a, b) => count[a] - count[b] || a - b);
  // counting sort of the pixels into that order of levels
  const start = new Int32Array(levels);
  for (let i = 1; i < levels; i++) start[byCount[i]] = start[byCount[i - 1]] + count[byCount[i - 1]];
  const out = new Int32Array(colour.length);
  for (let p = 0; p < colour.length; p++) out[start[colour[p]]++] = p;
  return out;
}
