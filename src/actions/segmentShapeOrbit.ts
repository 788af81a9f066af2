import { InputRangeError } from '../core/errors.js';
import { symmetricEigen } from '../core/linalg/symmetricEigen.js';

/** A shape made of straight segments in the plane: each segment by its two endpoints [x, y]. */
export type SegmentShape = readonly (readonly [readonly [number, number], readonly [number, number]])[];

/** Orbit dimension of an ideal segment shape under GL(2) or Aff(2), with the spectrum behind it. */
export interface SegmentShapeOrbit {
  readonly group: 'gl2' | 'aff2';
  readonly dim: number;
  readonly orbitDim: number;
  readonly stabilizerDim: number;
  /** Singular values of the tangent map, descending. */
  readonly singularValues: number[];
}

/**
 * Closed-form orbit dimension of an ideal (zero-width) shape made of segments, about the origin,
 * under GL(2) (x -> A x, dim 4) or Aff(2) (x -> A x + b, dim 6). A union of segments is fixed by
 * its endpoints, so the tangent of the orbit at the identity is the linear map from the Lie
 * algebra (A, b) to the endpoint velocities (A p + b for every distinct endpoint p); the orbit
 * dimension is its rank (singular values above tol times the largest; default 1e-6, above the
 * square root of rounding in the Gram eigenvalues) and the stabilizer
 * dimension dim G - rank. A segment through the origin, endpoints +-p: velocities +-A p span 2
 * dimensions (A acts on p only), so its GL(2) orbit is 2-dimensional (the paper's small orbit); a
 * flower of k >= 2 petals in independent directions moves every A: 4. Example: the segment
 * [[-1, 0], [1, 0]] gives 2 under gl2 and 4 under aff2.
 */
export function segmentShapeOrbit(shape: SegmentShape, group: 'gl2' | 'aff2', tol = 1e-6): SegmentShapeOrbit {
  if (shape.length === 0) throw new InputRangeError('segmentShapeOrbit: the shape has no segments');
  const points = new Map<string, readonly [number, number]>();
  for (const seg of shape) {
    for (const p of seg) {
      if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) throw new InputRangeError(`segmentShapeOrbit: endpoint [${p[0]}, ${p[1]}] is not finite`);
      points.set(`${p[0]},${p[1]}`, p);
    }
  }
  const k = group === 'gl2' ? 4 : 6;
  // tangent columns: generator e (A = E11, E12, E21, E22, then b = e_x, e_y) -> velocities of every endpoint
  const rows: number[][] = [];
  for (const [x, y] of points.values()) {
    rows.push([x, y, 0, 0, ...(k === 6 ? [1, 0] : [])]);
    rows.push([0, 0, x, y, ...(k === 6 ? [0, 1] : [])]);
  }
  const gram = new Float64Array(k * k);
  for (const r of rows) for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) gram[a * k + b] += r[a] * r[b];
  const values = [...symmetricEigen(gram, k).values].map((v) => Math.sqrt(Math.max(0, v)));
  const top = values[0];
  const orbitDim = values.filter((s) => s > tol * top).length;
  return { group, dim: k, orbitDim, stabilizerDim: k - orbitDim, singularValues: values };
}

/** An ideal flower: k petals as segments from the origin to radius r at angles 2 pi j / k + phase. */
export function idealFlower(petals: number, r = 1, phase = 0): SegmentShape {
  if (!Number.isInteger(petals) || petals < 1) throw new InputRangeError(`idealFlower: petals must be a positive integer, got ${petals}`);
  return Array.from({ length: petals }, (_, j) => {
    const a = (2 * Math.PI * j) / petals + phase;
    return [[0, 0], [r * Math.cos(a), r * Math.sin(a)]] as const;
  });
}
