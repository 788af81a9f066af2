import { InputRangeError } from '../core/errors.js';
import type { BoxOptions, LieGroup } from '../groups/lie/LieGroup.js';
import { haltonPoints } from './halton.js';
import { imageWindow, type WindowKind } from './imageWindow.js';
import { fourierShift } from './fourierShift.js';
import { windowedDistance } from './windowedDistance.js';
import { checkStack, type ImageStack } from './imageStack.js';
import { orbitDistances, resampleBatch, type ResampleOptions } from './resample.js';
import { IMAGE_ORBIT_DEFAULTS } from './defaults.js';
import { orbitGrams } from './orbitGram.js';

/** orbitDistances for translations by the exact Fourier shift (TypeScript, float64 inside). */
function fourierDistances(images: ImageStack, shifts: readonly (readonly [number, number])[], window: Float32Array): Float64Array {
  const n = images.height * images.width;
  const G = shifts.length;
  const out = new Float64Array(images.count * G);
  for (let f = 0; f < images.count; f++) {
    const x = images.data.subarray(f * n, (f + 1) * n);
    const moved = fourierShift({ data: x, count: 1, height: images.height, width: images.width }, shifts);
    for (let k = 0; k < G; k++) out[f * G + k] = windowedDistance(moved.subarray(k * n, (k + 1) * n), x, window);
  }
  return out;
}

/** Options of epsilon-stabilizer measures and epsilon-orbit sizes. */
export interface EpsStabilizerOptions extends ResampleOptions {
  /** Relative radius: g is in S_eps(x) when ||W(g.x - x)|| <= eps ||W x||. */
  readonly eps: number;
  /** Number of Halton points in the box; default 1024. */
  readonly samples?: number;
  /** The compact box (translation radius, log-scale range, linear range). */
  readonly box?: BoxOptions;
  /** Window; default the soft inscribed disk, or 'none' with periodic borders. */
  readonly window?: WindowKind;
  /** Also compute the epsilon-orbit size (greedy net; O(samples * centres * h w) per image); default true. */
  readonly orbitSize?: boolean;
  /**
   * T(2) with periodic border only: act by the exact Fourier shift (fourierShift) instead of
   * resampling, so the measure has no interpolation error; O(h w (h + w)) per image and sample
   * in TypeScript. Default false.
   */
  readonly fourier?: boolean;
}

/** Per-image result; every number is over the same `samples` elements of the box. */
export interface LieEpsStabilizerResult {
  /** Fraction of the box's samples g with ||W(g.x - x)|| <= eps ||W x||. */
  readonly epsStabilizerMeasure: number;
  /** Size of a greedy eps-net of the sampled orbit {g.x} (null when not asked). */
  readonly epsOrbitSize: number | null;
  readonly samples: number;
  readonly eps: number;
  /** The measure on the box, in words. */
  readonly box: string;
}

/** The sampled elements of the group's box as 3x3 matrices (Halton points, in order). */
export function boxElements(group: LieGroup, samples: number, box: BoxOptions = {}): Float64Array[] {
  const q = haltonPoints(samples, group.dim);
  const b = group.box(box);
  return Array.from({ length: samples }, (_, i) => group.matrix(b.sample(q.subarray(i * group.dim, (i + 1) * group.dim))));
}

/** ||W(p_a - p_c)||^2 <= r2, summed pixel by pixel (stopping once above): the greedy nets' distance test. */
function withinRadius(points: Float32Array, a: number, c: number, n: number, window: Float32Array, r2: number): boolean {
  let s = 0;
  for (let p = 0; p < n && s <= r2; p++) s += (window[p] * (points[a * n + p] - points[c * n + p])) ** 2;
  return s <= r2;
}

/**
 * Greedy eps-net of points (m x n rows, float32) under the weighted distance ||W(a - b)||:
 * visit points in order, keep one as a centre when it is farther than `radius` from every
 * centre so far. The centres cover every point within `radius` and are pairwise farther than
 * `radius` apart, so their number lies between the covering number at `radius` and the
 * packing number at `radius` (hence at least the covering number at 2 radius... radius/2 bounds
 * hold the other way); it depends on the visiting order, which is the Halton order here.
 */
export function greedyNetSize(points: Float32Array, m: number, n: number, window: Float32Array, radius: number): number {
  const centres: number[] = [];
  const r2 = radius * radius;
  for (let a = 0; a < m; a++) {
    let covered = false;
    for (const c of centres) {
      if (withinRadius(points, a, c, n, window, r2)) {
        covered = true;
        break;
      }
    }
    if (!covered) centres.push(a);
  }
  return centres.length;
}

/**
 * greedyNetSize, deciding most pairs from their Gram entry: with norms[a] = ||W p_a||^2 (float64)
 * and gram[a m + c] ~ <W p_a, W p_c> from a float32 product, ||W(p_a - p_c)||^2 ~ norms[a] +
 * norms[c] - 2 gram[a m + c]. A float32 dot product of n terms is within gamma_n ||W p_a|| ||W p_c||
 * of exact (gamma_n = n 2^-24 / (1 - n 2^-24), Higham, Accuracy and Stability of Numerical
 * Algorithms, 2nd ed., section 3.1, p. 63), and rounding W p to float32 adds 2^-24 a factor;
 * a pair farther than twice that bound from radius^2 is decided from the Gram entry, any other by
 * greedyNetSize's own sum. So every decision, and the net, is greedyNetSize's.
 */
export function greedyNetSizeFromGram(points: Float32Array, m: number, n: number, window: Float32Array, radius: number, gram: Float32Array, norms: Float64Array): number {
  const centres: number[] = [];
  const r2 = radius * radius;
  const u = 2 ** -24;
  const gemmBound = 8 * (n + 4) * u;
  for (let a = 0; a < m; a++) {
    let covered = false;
    for (const c of centres) {
      const approx = norms[a] + norms[c] - 2 * gram[a * m + c];
      const margin = gemmBound * Math.sqrt(norms[a] * norms[c]) + 1e-12 * (norms[a] + norms[c] + r2);
      if (approx < r2 - margin) {
        covered = true;
        break;
      }
      if (approx > r2 + margin) continue;
      if (withinRadius(points, a, c, n, window, r2)) {
        covered = true;
        break;
      }
    }
    if (!covered) centres.push(a);
  }
  return centres.length;
}

/**
 * Greedy-net epsilon-orbit sizes of every image of a stack at each of several eps: result[e][f]
 * is greedyNetSize of the image's sampled orbit {g_k . x_f} at radius eps_e ||W x_f||. The orbit
 * is resampled once (in chunks of at most 2^22 floats) and serves every eps, so asking for k eps
 * costs one resampling, not k; the numbers are those of epsStabilizerBatch at each eps alone.
 * The greedy nets read each orbit's Gram matrix, one batched product in the graph
 * (greedyNetSizeFromGram), and sum pixels only for pairs near the radius.
 */
export async function orbitNetSizes(images: ImageStack, elements: readonly Float64Array[], window: Float32Array, epsList: readonly number[], options: Pick<EpsStabilizerOptions, 'fourier' | 'interp' | 'border' | 'maxBatchFloats' | 'threads'> = {}): Promise<number[][]> {
  const { height: h, width: w, count: F } = images;
  const n = h * w;
  const samples = elements.length;
  const out = epsList.map(() => new Array<number>(F).fill(0));
  const shifts = elements.map((m) => [m[2], m[5]] as const);
  const per = Math.max(1, Math.floor((1 << 22) / (samples * n)));
  const norms = new Float64Array(samples);
  for (let f0 = 0; f0 < F; f0 += per) {
    const f1 = Math.min(F, f0 + per);
    const part = { data: images.data.subarray(f0 * n, f1 * n), count: f1 - f0, height: h, width: w };
    const moved = options.fourier ? fourierShift(part, shifts) : await resampleBatch(part, elements, options);
    const grams = await orbitGrams(moved, f1 - f0, samples, window, options.threads);
    for (let f = f0; f < f1; f++) {
      let norm2 = 0;
      for (let p = 0; p < n; p++) norm2 += (window[p] * images.data[f * n + p]) ** 2;
      const orbit = moved.subarray((f - f0) * samples * n, (f - f0 + 1) * samples * n);
      for (let k = 0; k < samples; k++) {
        let s = 0;
        for (let p = 0; p < n; p++) s += (window[p] * orbit[k * n + p]) ** 2;
        norms[k] = s;
      }
      const gram = grams.subarray((f - f0) * samples * samples, (f - f0 + 1) * samples * samples);
      epsList.forEach((eps, e) => (out[e][f] = greedyNetSizeFromGram(orbit, samples, n, window, eps * Math.sqrt(norm2), gram, norms)));
    }
  }
  return out;
}

/**
 * epsilon-orbit sizes of every image of a stack under a Lie group at each of several eps
 * (result[e][f]), over the same Halton samples, window and border as epsStabilizerBatch (whose
 * epsOrbitSize at each eps these equal), with the orbit resampled once for all eps.
 */
export async function epsOrbitSizesBatch(images: ImageStack, group: LieGroup, epsList: readonly number[], options: Omit<EpsStabilizerOptions, 'eps' | 'orbitSize' | 'fourier'> = {}): Promise<number[][]> {
  checkStack('epsOrbitSizesBatch', images);
  for (const eps of epsList) if (!(eps >= 0) || !Number.isFinite(eps)) throw new InputRangeError(`epsStabilizer: eps must be a finite number >= 0, got ${eps}`);
  const window = imageWindow(images.height, images.width, options.window ?? (options.border === 'periodic' ? 'none' : 'disk'));
  return orbitNetSizes(images, boxElements(group, options.samples ?? IMAGE_ORBIT_DEFAULTS.samples, options.box), window, epsList, options);
}

/**
 * epsilon-stabilizer measure of each image of a stack: the fraction of the group's compact
 * box (see LieGroup.box: angles over the full circle, translations within a radius, log-scale
 * within a range, GL(2)/Aff(2) a box in exponential coordinates about the identity), sampled at
 * `samples` Halton points, whose elements satisfy ||W(g.x - x)|| <= eps ||W x||; and the
 * epsilon-orbit size, the size of a greedy net of radius eps ||W x|| over the same sampled
 * orbit. Choose eps above the resampling error floor (roundTripError).
 */
export async function epsStabilizerBatch(images: ImageStack, group: LieGroup, options: EpsStabilizerOptions): Promise<LieEpsStabilizerResult[]> {
  checkStack('epsStabilizerBatch', images);
  const eps = options.eps;
  if (!(eps >= 0) || !Number.isFinite(eps)) throw new InputRangeError(`epsStabilizer: eps must be a finite number >= 0, got ${eps}`);
  const samples = options.samples ?? IMAGE_ORBIT_DEFAULTS.samples;
  const { height: h, width: w, count: F } = images;
  const window = imageWindow(h, w, options.window ?? (options.border === 'periodic' ? 'none' : 'disk'));
  const elements = boxElements(group, samples, options.box);
  const description = group.box(options.box).description;
  const fourier = options.fourier ?? false;
  if (fourier && (group.name !== 't2' || options.border !== 'periodic')) {
    throw new InputRangeError(`epsStabilizer: the Fourier shift acts only for t2 with a periodic border, not ${group.name} with a ${options.border ?? 'zero'} border`);
  }
  const shifts = elements.map((m) => [m[2], m[5]] as const);
  const dist = fourier ? fourierDistances(images, shifts, window) : await orbitDistances(images, elements, window, options);
  const sizes: (number | null)[] = options.orbitSize ?? true ? (await orbitNetSizes(images, elements, window, [eps], options))[0] : new Array(F).fill(null);
  return Array.from({ length: F }, (_, f) => {
    let inside = 0;
    for (let k = 0; k < samples; k++) if (dist[f * samples + k] <= eps) inside++;
    return { epsStabilizerMeasure: inside / samples, epsOrbitSize: sizes[f], samples, eps, box: description };
  });
}
