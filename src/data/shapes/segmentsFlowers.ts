import { checkInteger } from '../../core/validate.js';
import { InputRangeError } from '../../core/errors.js';
import type { RandomSource } from '../../core/random.js';
import { haltonPoints } from '../../actions/halton.js';
import type { SegmentShape } from '../../actions/segmentShapeOrbit.js';
import { mat3Exp } from '../../groups/lie/mat3.js';
import { coverage, wrap } from './continuous.js';

/**
 * The segments-and-flowers world (issue 14, item 5b): the paper's own example of a small and a
 * large orbit under linear deformations. Two segments through their centre (ideal GL(2) orbit
 * dimension 2, Aff(2) 4) and four flowers (GL(2) 4, Aff(2) 6: only finitely many linear maps fix
 * them): 3 and 4 petals meeting at the centre, and 3 and 4 "open" petals that start away from it.
 * Sizes are chosen so that orbit dimension follows neither pixel count nor variance explained:
 * the short segment has the fewest pixels and the long one the most, the flowers lie between;
 * the open flowers explain less of the data's variance than the segments and the closed ones more
 * (a compact centre holds low spatial frequencies, which the data's covariance favours). Every
 * image is scaled to the same energy and every primitive is drawn equally often.
 */
export const GL2_PRIMITIVES = ['shortSegment', 'segment', 'flower3', 'flower4', 'openFlower3', 'openFlower4'] as const;
export type Gl2Primitive = (typeof GL2_PRIMITIVES)[number];

/** Smallest and largest side of the segments-and-flowers world. */
export const GL2_N = { min: 12, max: 64 } as const;

/**
 * Linear part of the random affine maps: R(theta) exp(X), theta uniform in [0, 2 pi), each entry of
 * X uniform in [-LINEAR_RANGE, LINEAR_RANGE] (the Aff(2) box of the epsilon measures, LieGroup.box).
 */
export const GL2_LINEAR_RANGE = 0.25;

/** Half-width of the pen in pixels (a 1-px stroke with a 1-px anti-aliasing ramp, as the continuous world draws). */
const PEN = 0.5;

/** k petals from radius r0 to r1 at angles 2 pi j / k + phase (v points down). */
function petals(k: number, r0: number, r1: number, phase: number): SegmentShape {
  return Array.from({ length: k }, (_, j) => {
    const a = (2 * Math.PI * j) / k + phase;
    return [[r0 * Math.cos(a), r0 * Math.sin(a)], [r1 * Math.cos(a), r1 * Math.sin(a)]] as const;
  });
}

/**
 * The ideal (zero-width) shape of a primitive on an n-wide canvas, centred at the origin, in
 * pixels (u right, v down). Lengths scale with n / 16; the variance and pixel-count ordering
 * above was measured at n = 16 (the gl2 preset), and the world's test checks it there.
 */
export function gl2Shape(name: Gl2Primitive, n: number): SegmentShape {
  checkInteger('gl2Shape', 'n', n, GL2_N.min, GL2_N.max);
  const s = n / 16;
  switch (name) {
    case 'shortSegment':
      return [[[-2.8 * s, 0], [2.8 * s, 0]]];
    case 'segment':
      return [[[-7.2 * s, 0], [7.2 * s, 0]]];
    case 'flower3':
      return petals(3, 0, 3.8 * s, Math.PI / 2);
    case 'flower4':
      return petals(4, 0, 2.9 * s, Math.PI / 4);
    case 'openFlower3':
      return petals(3, 2.5 * s, 6 * s, Math.PI / 2);
    case 'openFlower4':
      return petals(4, 2.5 * s, 4.5 * s, Math.PI / 4);
    default:
      throw new InputRangeError(`gl2Shape: unknown primitive "${name as string}"; expected one of ${GL2_PRIMITIVES.join(', ')}`);
  }
}

/** Distance from (u, v) to the segment [a, b]. */
function segmentDistance(u: number, v: number, a: readonly [number, number], b: readonly [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(1, Math.max(0, ((u - a[0]) * dx + (v - a[1]) * dy) / len2)) : 0;
  return Math.hypot(u - a[0] - t * dx, v - a[1] - t * dy);
}

/**
 * Render an ideal segment shape mapped by the linear part `linear` = [a, b, c, d] (p -> [[a, b],
 * [c, d]] p) and placed at `center` = [row, col], with a fixed anti-aliased pen (half-width 0.5 px,
 * 1-px ramp), combining with `out` by maximum. `torus` wraps displacements (the world's images);
 * otherwise the canvas is flat (zero beyond it) and the shape must fit.
 */
export function renderSegmentShape(shape: SegmentShape, linear: ArrayLike<number>, center: readonly [number, number], height: number, width: number, torus: boolean, out: Float32Array = new Float32Array(height * width)): Float32Array {
  const [a, b, c, d] = [linear[0], linear[1], linear[2], linear[3]];
  const mapped = shape.map(([p, q]) => [[a * p[0] + b * p[1], c * p[0] + d * p[1]] as const, [a * q[0] + b * q[1], c * q[0] + d * q[1]] as const] as const);
  for (let r = 0; r < height; r++) {
    const dv = torus ? wrap(r - center[0], height) : r - center[0];
    for (let col = 0; col < width; col++) {
      const du = torus ? wrap(col - center[1], width) : col - center[1];
      let dist = Infinity;
      for (const [p, q] of mapped) dist = Math.min(dist, segmentDistance(du, dv, p, q));
      const val = coverage(dist, PEN);
      const k = r * width + col;
      if (val > out[k]) out[k] = val;
    }
  }
  return out;
}

/** The linear part R(theta) exp(X) from a point q of [0, 1)^5: theta = 2 pi q0, X entries (2 q_i - 1) r. */
export function gl2Linear(q: ArrayLike<number>, range = GL2_LINEAR_RANGE): Float64Array {
  const x = new Float64Array(9);
  [0, 1, 3, 4].forEach((s, i) => (x[s] = range * (2 * q[i + 1] - 1)));
  const e = mat3Exp(x);
  const t = 2 * Math.PI * q[0];
  const [cs, sn] = [Math.cos(t), Math.sin(t)];
  return Float64Array.of(cs * e[0] - sn * e[3], cs * e[1] - sn * e[4], sn * e[0] + cs * e[3], sn * e[1] + cs * e[4]);
}

/**
 * The energy (L2 norm) every image of the world is scaled to: 0.6 times the smallest norm of a
 * canonical primitive, so that a primitive shrunk by the smallest linear part the maps draw
 * (singular values >= exp(-2 * 0.25) = 0.61) still needs no brightening above 1.
 */
export function gl2DesignEnergy(n: number): number {
  let least = Infinity;
  for (const name of GL2_PRIMITIVES) {
    const x = renderSegmentShape(gl2Shape(name, n), [1, 0, 0, 1], [n / 2, n / 2], n, n, true);
    least = Math.min(least, Math.hypot(...x));
  }
  return 0.6 * least;
}

/** Scale an image in place to L2 norm `energy`. */
export function scaleToEnergy(x: Float32Array, energy: number): Float32Array {
  let ss = 0;
  for (const v of x) ss += v * v;
  if (ss > 0) {
    const f = energy / Math.sqrt(ss);
    for (let p = 0; p < x.length; p++) x[p] *= f;
  }
  return x;
}

/** One primitive of the segments-and-flowers world placed by an affine map: linear part [a, b, c, d], then the centre [row, col]. */
export interface Gl2Placement {
  readonly primitive: Gl2Primitive;
  readonly linear: readonly [number, number, number, number];
  readonly center: readonly [number, number];
}

/**
 * Equal frequency by design: the primitives in a fresh random order, deck after deck, so that
 * after any whole number of decks each has been drawn exactly as often (plain weighted draws
 * would leave chance differences, which then rank with orbit dimension by luck).
 */
export function balancedDeck(rng: RandomSource, size: number): () => number {
  let order = rng.permutation(size);
  let next = 0;
  return () => {
    if (next === size) {
      order = rng.permutation(size);
      next = 0;
    }
    return order[next++];
  };
}

/**
 * Draw one image: `k` primitives picked by `pick`, each under a random affine map (R(theta)
 * exp(X), uniform centre on the torus), rendered by maximum and scaled to the design energy.
 */
export function drawGl2Scene(rng: RandomSource, n: number, k: number, pick: () => number, energy: number, img: Float32Array): Gl2Placement[] {
  const scene: Gl2Placement[] = [];
  for (let j = 0; j < k; j++) {
    const primitive = GL2_PRIMITIVES[pick()];
    const L = gl2Linear([rng.float(), rng.float(), rng.float(), rng.float(), rng.float()]);
    const placement: Gl2Placement = { primitive, linear: [L[0], L[1], L[2], L[3]], center: [rng.float() * n, rng.float() * n] };
    renderSegmentShape(gl2Shape(primitive, n), placement.linear, placement.center, n, n, true, img);
    scene.push(placement);
  }
  scaleToEnergy(img, energy);
  return scene;
}

/** Canonical image of a primitive on the n x n torus: identity map, centre (n/2, n/2), at the design energy. */
export function gl2Template(name: Gl2Primitive, n: number): Float32Array {
  return scaleToEnergy(renderSegmentShape(gl2Shape(name, n), [1, 0, 0, 1], [n / 2, n / 2], n, n, true), gl2DesignEnergy(n));
}

/** Linear parts in the finite orbit sample of each primitive (times n^2 translations). */
export const GL2_ORBIT_LINEAR_PARTS = 8;

/**
 * A finite sample of a primitive's orbit in the world, for matching learned units: `linearParts`
 * linear maps from the first Halton points of [0, 1)^5 (gl2Linear), each at every integer
 * translation of the torus, rendered and scaled to the design energy. Every primitive gets the
 * same number of elements (linearParts n^2), so none has more chances to match; the calibrated
 * threshold removes what is left of a head start. Returns the elements, size x n^2.
 */
export function gl2OrbitSample(name: Gl2Primitive, n: number, linearParts = GL2_ORBIT_LINEAR_PARTS): { size: number; pixels: Float32Array } {
  checkInteger('gl2OrbitSample', 'linearParts', linearParts, 1, 1024);
  const q = haltonPoints(linearParts, 5);
  const energy = gl2DesignEnergy(n);
  const d = n * n;
  const pixels = new Float32Array(linearParts * d * d);
  const shape = gl2Shape(name, n);
  for (let m = 0; m < linearParts; m++) {
    const base = scaleToEnergy(renderSegmentShape(shape, gl2Linear(q.subarray(m * 5, m * 5 + 5)), [0, 0], n, n, true), energy);
    // integer translations of the torus are exact rolls of the rendering at the origin
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++) {
        const out = pixels.subarray((m * d + r * n + c) * d, (m * d + r * n + c + 1) * d);
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[((i + r) % n) * n + ((j + c) % n)] = base[i * n + j];
      }
  }
  return { size: linearParts * d, pixels };
}
