import { checkInteger, checkFinite } from '../../core/validate.js';
import { InputRangeError } from '../../core/errors.js';

/** The primitives of the continuous shapes world. */
export const CONTINUOUS_PRIMITIVES = ['edge', 'bar', 'gaussian', 'corner'] as const;
export type ContinuousPrimitive = (typeof CONTINUOUS_PRIMITIVES)[number];

/**
 * Where a continuous primitive sits: the SE(2) element (rotation by `angle`, then translation
 * to `center`) applied to the canonical primitive, which is centred at the origin with angle 0.
 * Coordinates are in pixels on the n x n torus, [row, col] = [y, x]; pixel (r, c) has its centre
 * at (y, x) = (r, c). The angle is in radians, counter-clockwise as the image is displayed
 * (x to the right, y up): the primitive's own u axis points along (col, row) = (cos a, -sin a).
 */
export interface ContinuousPose {
  readonly center: readonly [number, number];
  readonly angle: number;
}

/** Sizes of the continuous primitives for an n x n torus (in pixels). */
export function continuousSizes(n: number) {
  return {
    /** bar length, corner arm length */
    length: n / 4,
    /** half-width of bars and corner arms */
    halfWidth: 0.5,
    /** radius of the window of the edge */
    edgeRadius: n / 5,
    /** standard deviation of the Gaussian blob */
    sigma: (3 * n) / 32,
  };
}

/** Minimal-image displacement on the n-torus, in [-n/2, n/2). */
export function wrap(d: number, n: number): number {
  // minimal-image displacement on the torus, in [-n/2, n/2)
  return d - n * Math.floor(d / n + 0.5);
}

/** Area-coverage approximation of a stroke: 1 inside, 0 outside, a 1-px linear ramp across the border. */
export function coverage(distance: number, halfWidth: number): number {
  return Math.min(1, Math.max(0, halfWidth + 0.5 - distance));
}

function segmentDistance(u: number, v: number, u0: number, u1: number): number {
  const du = u < u0 ? u0 - u : u > u1 ? u - u1 : 0;
  return Math.hypot(du, v);
}

/** Value in [0, 1] of the canonical primitive at primitive-frame coordinates (u, v). */
function canonicalValue(kind: ContinuousPrimitive, u: number, v: number, n: number): number {
  const s = continuousSizes(n);
  switch (kind) {
    case 'bar':
      return coverage(segmentDistance(u, v, -s.length / 2, s.length / 2), s.halfWidth);
    case 'corner':
      return coverage(Math.min(segmentDistance(u, v, 0, s.length), segmentDistance(v, u, 0, s.length)), s.halfWidth);
    case 'edge': {
      // a step from 0 (v < 0) to 1 (v > 0) with a 1-px ramp, seen through a disk window
      const step = Math.min(1, Math.max(0, 0.5 + v));
      const window = Math.min(1, Math.max(0, s.edgeRadius + 0.5 - Math.hypot(u, v)));
      return step * window;
    }
    case 'gaussian':
      return Math.exp(-(u * u + v * v) / (2 * s.sigma * s.sigma));
    default:
      throw new InputRangeError(`renderContinuous: unknown primitive "${kind as string}"; expected one of ${CONTINUOUS_PRIMITIVES.join(', ')}`);
  }
}

/**
 * Render one continuous primitive at `pose` on the n x n torus, combining with what is in `out`
 * by maximum (so scenes are the pixelwise max of their primitives). Anti-aliasing is by
 * distance-based coverage (a linear ramp 1 px wide across each stroke border), evaluated at the
 * minimal-image displacement from the centre, so primitives wrap around the torus.
 */
export function renderContinuous(kind: ContinuousPrimitive, pose: ContinuousPose, n: number, out = new Float32Array(n * n)): Float32Array {
  checkInteger('renderContinuous', 'n', n, 4, 1024);
  checkFinite('renderContinuous', 'pose', [pose.center[0], pose.center[1], pose.angle]);
  const cos = Math.cos(pose.angle);
  const sin = Math.sin(pose.angle);
  for (let r = 0; r < n; r++) {
    // y axis points up for the angle convention, rows grow downward
    const dy = -wrap(r - pose.center[0], n);
    for (let c = 0; c < n; c++) {
      const dx = wrap(c - pose.center[1], n);
      const u = cos * dx + sin * dy;
      const v = -sin * dx + cos * dy;
      const val = canonicalValue(kind, u, v, n);
      const p = r * n + c;
      if (val > out[p]) out[p] = val;
    }
  }
  return out;
}

/** The canonical image of one continuous primitive: centred at (n/2, n/2), angle 0. */
export function continuousTemplate(kind: ContinuousPrimitive, n: number): Float32Array {
  return renderContinuous(kind, { center: [n / 2, n / 2], angle: 0 }, n);
}

/** Canonical images of every continuous primitive, in CONTINUOUS_PRIMITIVES order. */
export function continuousTemplates(n: number): Array<{ name: ContinuousPrimitive; n: number; pixels: Float32Array }> {
  return CONTINUOUS_PRIMITIVES.map((name) => ({ name, n, pixels: continuousTemplate(name, n) }));
}
