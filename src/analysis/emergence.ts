import { InputRangeError } from '../core/errors.js';

/** Training time of a snapshot. */
export interface SnapshotTime {
  readonly step: number;
  /** Fractional epoch (step / steps per epoch). */
  readonly epoch: number;
}

/**
 * A unit's emergence snapshot: the first snapshot k after which its filter stays within cosine
 * `threshold` of its final filter, i.e. the least k with cos(f_j, f_last) >= threshold for every
 * j >= k (SPEC.md, C2). `cosToFinal[k]` is that cosine at snapshot k, so the last entry is 1.
 * Returns the snapshot index; the final snapshot always qualifies, so a unit that only settles at
 * the end emerges there.
 */
export function unitEmergence(cosToFinal: ArrayLike<number>, threshold = 0.9): number {
  const k = cosToFinal.length;
  if (k === 0) throw new InputRangeError('unitEmergence: no snapshots');
  let first = k - 1;
  for (let j = k - 1; j >= 0; j--) {
    if (cosToFinal[j] >= threshold) first = j;
    else break;
  }
  return first;
}

/**
 * A primitive's emergence snapshot: the first snapshot where some unit matches some element of
 * the primitive's orbit at cosine >= threshold; `bestMatch[k]` is the best such cosine over units
 * and orbit elements at snapshot k. Returns null when the primitive never emerges.
 */
export function primitiveEmergence(bestMatch: ArrayLike<number>, threshold = 0.9): number | null {
  for (let k = 0; k < bestMatch.length; k++) if (bestMatch[k] >= threshold) return k;
  return null;
}

/**
 * A primitive's sustained emergence: the first snapshot k after which the best match stays above
 * the (calibrated) threshold, i.e. the least k with bestMatch[j] > threshold for every j >= k.
 * Null when the match is not above the threshold at the last snapshot (never emerged).
 */
export function sustainedEmergence(bestMatch: ArrayLike<number>, threshold: number): number | null {
  let first: number | null = null;
  for (let j = bestMatch.length - 1; j >= 0; j--) {
    if (bestMatch[j] > threshold) first = j;
    else break;
  }
  return first;
}
