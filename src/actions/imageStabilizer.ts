import { InputRangeError } from '../core/errors.js';
import { Perm } from '../groups/perm/Perm.js';
import { factorial } from '../groups/core/factorial.js';
import { PermGroup } from '../groups/perm/PermGroup.js';
import { quantizeLevels } from './quantize.js';
import { elementsByImage, elementsKeepingColor } from './elementsByImage.js';

/** Largest |G| for which the stabilizer of an image is found by enumerating G. */
export const ENUMERATE_MAX_ORDER = 100_000n;

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
  if (order === factorial(n) && n > 1) {
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
    const index = elementsByImage(group);
    const found: Perm[] = [];
    for (const k of elementsKeepingColor(index, colour, rarestLevelPixel(colour))) {
      const g = index.elements[k];
      let ok = true;
      for (let p = 0; p < n && ok; p++) ok = colour[g.images[p]] === colour[p];
      if (ok) found.push(g);
    }
    const stab = BigInt(found.length);
    return { orbitSize: order / stab, stabilizerOrder: stab, method: 'enumerate', stabilizer: new PermGroup(found, n, { knownOrder: stab }) };
  }
  const stabilizer = group.partitionStabilizer(colour);
  const stab = stabilizer.order();
  return { orbitSize: order / stab, stabilizerOrder: stab, method: 'backtrack', stabilizer };
}

/** The first pixel of the level held by the fewest pixels (levels are 0..k-1, quantiseLevels). */
function rarestLevelPixel(colour: Int32Array): number {
  let levels = 0;
  for (const c of colour) levels = Math.max(levels, c + 1);
  const count = new Int32Array(levels);
  for (const c of colour) count[c]++;
  let best = 0;
  for (let p = 1; p < colour.length; p++) if (count[colour[p]] < count[colour[best]]) best = p;
  return best;
}
