import { sustainedEmergence } from '../analysis/emergence.js';
import { spearman } from './statistics.js';
import { partialSpearman } from './partialRank.js';

/** A primitive as the emergence-order statistic sees it. */
export interface OrderedPrimitive {
  readonly name: string;
  readonly orbitSize: number;
  /** Its share of the data variance (confoundTable), the competing predictor of emergence. */
  readonly varianceShare: number;
}

/** One network's emergence of the world's primitives, and the C2 statistics on it. */
export interface EmergenceOrder {
  /** Epoch of sustained emergence per primitive; null = never (ranked after every emerged one). */
  readonly emergence: readonly (number | null)[];
  readonly emerged: number;
  /** Spearman rho(orbit size, emergence). */
  readonly rho: number | null;
  /** Spearman rho(orbit size, emergence | variance share): C2's primary statistic. */
  readonly partial: number | null;
  /** Spearman rho(variance share, emergence): the spectral-ordering account (Saxe et al. 2014) predicts it negative. */
  readonly varianceRho: number | null;
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * Emergence of each primitive in one network (first snapshot after which its best match stays
 * above its calibrated threshold) and the rank statistics of C2: the paper predicts that small
 * orbits emerge first, so rho(orbit size, emergence) > 0, and the primary statistic asks the same
 * after the variance each primitive explains is controlled for. `best[k][j]` is primitive j's best
 * match at snapshot k. Never-emerged primitives tie after the last snapshot. Statistics are null
 * when undefined, e.g. when every primitive emerged at the same snapshot or none did.
 */
export function emergenceOrder(primitives: readonly OrderedPrimitive[], best: readonly (readonly number[])[], thresholds: readonly number[], snapshotEpochs: readonly number[]): EmergenceOrder {
  const emergence = primitives.map((_, j) => {
    const k = sustainedEmergence(best.map((b) => b[j]), thresholds[j]);
    return k === null ? null : snapshotEpochs[k];
  });
  const ys = emergence.map((e) => e ?? Infinity);
  const sizes = primitives.map((p) => p.orbitSize);
  const shares = primitives.map((p) => p.varianceShare);
  return {
    emergence,
    emerged: emergence.filter((e) => e !== null).length,
    rho: finite(spearman(sizes, ys)),
    partial: finite(partialSpearman(sizes, ys, shares)),
    varianceRho: finite(spearman(shares, ys)),
  };
}
