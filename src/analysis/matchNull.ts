import { InputRangeError } from '../core/errors.js';
import type { RandomSource } from '../core/random.js';
import { matchPrimitives, type PrimitiveOrbit } from './primitiveMatch.js';
import { phaseRandomize } from './phaseRandomize.js';

/**
 * Null draws of primitive matching: `draws` times, phase-randomised surrogates of `filters`
 * (units x h*w; in C2 the untrained snapshot, so the surrogates have the spectrum of the
 * initialisation) are matched against every primitive's orbit exactly as learned features are
 * (matchPrimitives: best |centred cosine| over units and orbit elements). Returns
 * [draw][primitive]. A large orbit offers more elements to match, so its null is higher: that is
 * the head start the calibrated threshold takes away.
 */
export async function nullBestMatches(filters: Float32Array, units: number, h: number, w: number, primitives: readonly PrimitiveOrbit[], draws: number, rng: RandomSource): Promise<number[][]> {
  const out: number[][] = [];
  for (let r = 0; r < draws; r++) {
    const surrogate = phaseRandomize(filters, units, h, w, rng);
    out.push((await matchPrimitives(surrogate, units, h * w, primitives)).perPrimitive);
  }
  return out;
}

/**
 * Per-primitive match thresholds from null draws ([draw][primitive]): the m-th smallest of the R
 * null values with m = ceil((1 - alpha)(R + 1)), so that a new draw from the same null exceeds it
 * with probability at most alpha (order statistics of exchangeable draws). Infinity when R is
 * too small for alpha (m > R): nothing can then be called emerged.
 */
export function nullThresholds(nullDraws: readonly (readonly number[])[], alpha: number): number[] {
  if (!(alpha > 0 && alpha < 1)) throw new InputRangeError(`nullThresholds: alpha must be in (0, 1), got ${alpha}`);
  const R = nullDraws.length;
  if (R === 0) throw new InputRangeError('nullThresholds: no null draws');
  const m = Math.ceil((1 - alpha) * (R + 1));
  return nullDraws[0].map((_, j) => {
    if (m > R) return Infinity;
    const sorted = nullDraws.map((d) => d[j]).sort((a, b) => a - b);
    return sorted[m - 1];
  });
}
