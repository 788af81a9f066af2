import { InputRangeError } from '../core/errors.js';
import { Perm } from '../groups/perm/Perm.js';
import { factorial } from '../groups/core/factorial.js';
import { PermGroup } from '../groups/perm/PermGroup.js';
import { quantizeLevels } from './quantize.js';
import { elementsByImage, elementsKeepingColor } from './elementsByImage.js';
import { pixelMajorTable } from './pixelMajorTable.js';

/** Pixels tested for all elements at once before each candidate goes on alone. */
const LEAD = 4;

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
    // Every element is tested on every pixel (a conjunction, so the order of pixels changes no
    // answer), in elements() order so that the stabilizer is built as before. The pixels of the
    // rarer levels go first: a random element keeps a pixel's level with probability its level's
    // share, so a non-stabilizing one fails within a few pixels. The first LEAD pixels are tested
    // for all elements at once along rows of the pixel-major table (memory order); without a
    // table, only the elements sending the rarest level's first pixel into its level are tried.
    const checkOrder = pixelsByLevelCount(colour);
    const { list, table } = pixelMajorTable(group);
    const m = list.length;
    let candidates: Int32Array;
    let from = 0;
    if (table) {
      // the rarest level's first pixel over all elements (one row), then the next pixels over
      // the few elements left
      let count = 0;
      candidates = new Int32Array(m);
      for (let i = 0; i < Math.min(n, LEAD); i++, from++) {
        const p = checkOrder[i];
        const c = colour[p];
        const row = table.subarray(p * m, (p + 1) * m);
        if (i === 0) {
          for (let k = 0; k < m; k++) if (colour[row[k]] === c) candidates[count++] = k;
        } else {
          let kept = 0;
          for (let j = 0; j < count; j++) if (colour[row[candidates[j]]] === c) candidates[kept++] = candidates[j];
          count = kept;
        }
      }
      candidates = candidates.subarray(0, count);
    } else {
      candidates = elementsKeepingColor(elementsByImage(group), colour, checkOrder[0]);
    }
    const found: Perm[] = [];
    for (const k of candidates) {
      const g = list[k];
      let ok = true;
      for (let i = from; i < n && ok; i++) {
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
