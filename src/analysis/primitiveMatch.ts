import { centeredUnitRows } from './cosine.js';
import { matmul } from '../engine/matmul.js';

// each primitive's orbit, centred and scaled to unit rows, by its pixel array: matched against
// every snapshot and every null draw of a run, it is prepared once
const unitOrbits = new WeakMap<Float32Array, Float32Array>();

/** A primitive with every distinct image of its orbit (size x n), as templateOrbit gives. */
export interface PrimitiveOrbit {
  readonly name: string;
  readonly size: number;
  readonly pixels: Float32Array;
}

/** Best match of each feature and of each primitive, at one snapshot. */
export interface PrimitiveMatches {
  /** For each feature: the primitive whose orbit holds the element closest to it, and that |cosine|. */
  readonly perFeature: { name: string; cosine: number }[];
  /** For each primitive: the best |cosine| over features and orbit elements. */
  readonly perPrimitive: number[];
}

/**
 * Match features (count x n) against primitives up to their orbit: for every feature and
 * primitive the maximum over the orbit's elements of the absolute centred cosine (a filter that
 * is a negative bar detects the bar as well as a positive one; centring removes the background
 * level). One matrix product per primitive through the compute layer.
 */
export async function matchPrimitives(features: Float32Array, count: number, n: number, primitives: readonly PrimitiveOrbit[]): Promise<PrimitiveMatches> {
  const perFeature = Array.from({ length: count }, () => ({ name: '', cosine: -1 }));
  const perPrimitive = primitives.map(() => 0);
  const ua = centeredUnitRows(features, count, n);
  for (let k = 0; k < primitives.length; k++) {
    const P = primitives[k];
    let ub = unitOrbits.get(P.pixels);
    if (!ub) unitOrbits.set(P.pixels, (ub = centeredUnitRows(P.pixels, P.size, n)));
    // centredCosines(features, P.pixels) with the primitive's side prepared once
    const c = (await matmul(ua, [count, n], ub, [P.size, n], { transB: true })).data;
    for (let f = 0; f < count; f++) {
      let best = 0;
      for (let j = 0; j < P.size; j++) best = Math.max(best, Math.abs(c[f * P.size + j]));
      if (best > perFeature[f].cosine) perFeature[f] = { name: P.name, cosine: best };
      perPrimitive[k] = Math.max(perPrimitive[k], best);
    }
  }
  return { perFeature, perPrimitive };
}
