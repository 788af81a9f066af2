import { RandomSource } from '../core/random.js';
import type { PrimitiveOrderSeed } from '../experiments/claims/minimalOrbitsFirst/primitiveOrder.js';

const SNAPSHOTS = 60;
const epochs = Array.from({ length: SNAPSHOTS }, (_, k) => k / 2);

/** Best-match trajectories that jump from 0.1 to 0.8 at the given snapshot (never, when it is past the end). */
function trajectories(emergeAt: readonly number[]): number[][] {
  return epochs.map((_, k) => emergeAt.map((e) => (k >= e ? 0.8 : 0.1)));
}

/**
 * Seeds of a synthetic C2 experiment with m primitives: orbit size and variance share drawn
 * independently; both networks emerge in the order of variance (shared per-seed noise), plus
 * network-specific noise; the trained network's emergence is delayed by `effect` x orbit rank.
 */
export function syntheticEmergenceSeeds(effect: number, m = 30, count = 10, emergeFraction = 1): PrimitiveOrderSeed[] {
  const rng = RandomSource.fromSeed(11);
  const out: PrimitiveOrderSeed[] = [];
  for (let s = 0; s < count; s++) {
    const primitives = Array.from({ length: m }, (_, j) => ({ name: `p${j}`, orbitSize: 2 ** (1 + rng.int(10)), stabilizerOrder: 1, varianceShare: rng.float() }));
    const orbitRank = primitives.map((p) => primitives.filter((q) => q.orbitSize < p.orbitSize).length / m);
    const shared = primitives.map((p) => 40 * (1 - p.varianceShare) + 4 * rng.normal());
    const at = (extra: (j: number) => number) => shared.map((b, j) => (j < emergeFraction * m ? Math.max(1, Math.round(b + rng.normal() + extra(j))) : SNAPSHOTS + 1));
    out.push({
      seed: s,
      primitives,
      snapshotEpochs: epochs,
      trainedBest: trajectories(at((j) => effect * 30 * orbitRank[j])),
      controlEpochs: epochs,
      controlBest: trajectories(at(() => 0)),
      nullDraws: Array.from({ length: 20 }, () => primitives.map(() => 0.2 + 0.2 * rng.float())),
    });
  }
  return out;
}

