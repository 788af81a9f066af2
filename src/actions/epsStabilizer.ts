import { InputRangeError } from '../core/errors.js';
import { checkFinite } from '../core/validate.js';
import type { Perm } from '../groups/perm/Perm.js';
import type { PermGroup } from '../groups/perm/PermGroup.js';
import { ENUMERATE_MAX_ORDER } from './imageStabilizer.js';
import { distanceFromSums } from './windowedDistance.js';
import { pixelMajorTable, type FiniteElements } from './pixelMajorTable.js';

/** Result of epsStabilizer: the elements found, their number and the fraction |S_eps|/|G|. */
export interface FiniteEpsStabilizerResult {
  readonly count: number;
  readonly fraction: number;
  readonly elements: Perm[];
  /** ||g.x - x|| / ||x|| of each element found (distanceFromSums; 0 for an all-zero image). */
  readonly distances: number[];
}

export type { FiniteElements } from './pixelMajorTable.js';

/** Pixels of largest |x| summed over all elements at once before each element goes on alone. */
const LEAD = 32;

/**
 * The epsilon-stabilizer S_eps(x) = {g in G : ||g.x - x|| <= eps ||x||} (Euclidean norms,
 * (g.x)[p] = x[g^{-1}(p)]) of a real image under a pixel permutation group, by enumerating G
 * (|G| <= 10^5). Not a group in general; it contains the exact stabilizer, and equals it at
 * eps = 0. An all-zero image is fixed by every g. The distance is windowedDistance with W = 1,
 * summed in the permutation's order with an early exit once it passes the bound.
 */
export function epsStabilizer(group: FiniteElements, pixels: ArrayLike<number>, eps: number): FiniteEpsStabilizerResult {
  const listed = Array.isArray(group);
  const n = listed ? (group[0]?.degree ?? pixels.length) : (group as PermGroup).degree;
  if (pixels.length !== n) throw new InputRangeError(`epsStabilizer: image has ${pixels.length} pixels, group degree is ${n}`);
  checkFinite('epsStabilizer', 'pixels', pixels);
  if (!(eps >= 0)) throw new InputRangeError(`epsStabilizer: eps must be a number >= 0, got ${eps}`);
  const order = listed ? BigInt(group.length) : (group as PermGroup).order();
  if (order > ENUMERATE_MAX_ORDER) throw new InputRangeError(`epsStabilizer: group order ${order} is above ${ENUMERATE_MAX_ORDER}; the eps-stabilizer enumerates the group`);
  let norm2 = 0;
  for (let p = 0; p < n; p++) norm2 += pixels[p] * pixels[p];
  const bound = eps * eps * norm2;
  // Most elements move x far: summed over the pixels of largest |x| first, their distance passes
  // the bound within a few dozen pixels, where the row-major sum needs hundreds. That pass only
  // rejects, and only above the bound with a margin far wider than the rounding of either sum (a
  // sum of n squares in float64 is within n 2^-53 of exact), so it rejects no element the
  // row-major sum would keep; the elements it passes get the row-major sum, whose value is
  // reported. Its first LEAD pixels run over all elements at once, reading the images of a pixel
  // under every element from one row of the pixel-major table.
  const reject = bound * (1 + 1e-9);
  const x = Float64Array.from(pixels);
  const byMagnitude = Int32Array.from({ length: n }, (_, p) => p).sort((a, b) => Math.abs(x[b]) - Math.abs(x[a]) || a - b);
  const { list, table } = pixelMajorTable(group);
  const m = list.length;
  const lead = table ? Math.min(n, LEAD) : 0;
  const partial = new Float64Array(m);
  for (let i = 0; i < lead; i++) {
    const p = byMagnitude[i];
    const xp = x[p];
    const row = table!.subarray(p * m, (p + 1) * m);
    for (let k = 0; k < m; k++) {
      const t = xp - x[row[k]];
      partial[k] += t * t;
    }
  }
  const elements: Perm[] = [];
  const distances: number[] = [];
  for (let k = 0; k < m; k++) {
    const g = list[k];
    const images = g.images;
    let quick = partial[k];
    for (let i = lead; i < n && quick <= reject; i++) {
      const p = byMagnitude[i];
      const t = x[p] - x[images[p]];
      quick += t * t;
    }
    if (quick > reject) continue;
    // ||g.x - x||^2 = sum_p (x[p] - x[p^g])^2, since (g.x)[p^g] = x[p]
    let d = 0;
    for (let p = 0; p < n && d <= bound; p++) {
      const t = x[p] - x[images[p]];
      d += t * t;
    }
    if (d <= bound) {
      elements.push(g);
      distances.push(distanceFromSums(d, norm2));
    }
  }
  return { count: elements.length, fraction: elements.length / Number(order), elements, distances };
}

/** x minus its mean over the pixels (float32, as the features it is applied to). */
export function meanCentered(x: ArrayLike<number>): Float32Array {
  let m = 0;
  for (let p = 0; p < x.length; p++) m += x[p];
  m /= x.length;
  return Float32Array.from(x, (v) => v - m);
}

/**
 * The epsilon-stabilizer of a learned feature as the run measures it (analysis/featureOrbits) and
 * the explorer shows it: epsStabilizer of the mean-centred feature, so that the mean level, which
 * every pixel permutation preserves, does not pass as symmetry.
 */
export function centeredEpsStabilizer(group: FiniteElements, pixels: ArrayLike<number>, eps: number): FiniteEpsStabilizerResult {
  return epsStabilizer(group, meanCentered(pixels), eps);
}
