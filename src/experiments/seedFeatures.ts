import { matmul } from '../engine/matmul.js';
import { complexity } from '../analysis/complexity.js';
import { unitEmergence } from '../analysis/emergence.js';
import { featureOrbits, type FeatureOrbitNumbers } from '../analysis/featureOrbits.js';
import { orbitNumbersToJson } from '../results/orbitNumbers.js';
import { linearComposite } from '../analysis/inputSpaceFeatures.js';
import { matchPrimitives } from '../analysis/primitiveMatch.js';
import { cosine } from '../analysis/cosine.js';
import { finalStack, type TrainedSeed } from '../analysis/trainedStack.js';
import type { FeatureResult } from '../results/index.js';
import type { RunConfig } from './config.js';
import type { WorldPrimitives } from './world.js';

/** The shared per-seed analysis every claim reads: input-space features and their numbers. */
export interface SeedFeatures {
  readonly features: FeatureResult[];
  /** images[layer-1][snapshot] = units x h*w input-space features. */
  readonly images: Float32Array[][];
  readonly snapshotTimes: { step: number; epoch: number }[];
  /** Layer-1 best |cosine| of each primitive with any unit: [snapshot][primitive]. */
  readonly primitiveBest: number[][];
}

/**
 * Input-space features of every layer at every snapshot (layer L's snapshot over the final layers
 * below it, so snapshot 0 of layer L is the untrained layer on top of trained ones), mapped to pixel
 * space by `unwhiten` when given; their orbit numbers, complexity, emergence epoch, and matches to
 * the world's primitives.
 */
export async function seedFeatures(trained: TrainedSeed, h: number, w: number, config: RunConfig, world: WorldPrimitives | null, unwhiten?: Float32Array): Promise<SeedFeatures> {
  const n = h * w;
  const seed = trained.seed;
  const finals = finalStack(trained);
  const snapshotTimes = trained.layers[0].snapshots.map((s) => ({ step: s.step, epoch: s.epoch }));
  const images: Float32Array[][] = [];
  const features: FeatureResult[] = [];
  const primitiveBest: number[][] = [];
  for (const L of trained.layers) {
    const perSnapshot: Float32Array[] = [];
    for (const snap of L.snapshots) {
      const stack = [...finals.slice(0, L.index - 1), snap.layer];
      const F = await linearComposite(stack, L.index);
      perSnapshot.push(unwhiten ? (await matmul(F, [F.length / n, n], unwhiten, [n, n])).data : F);
    }
    images.push(perSnapshot);
    const units = L.snapshots[0].layer.weights.shape[0];
    const final = perSnapshot[perSnapshot.length - 1];
    const emergence: (number | null)[] = [];
    for (let u = 0; u < units; u++) {
      const fu = final.subarray(u * n, (u + 1) * n);
      const cos = perSnapshot.map((F) => cosine(F.subarray(u * n, (u + 1) * n), fu));
      emergence.push(L.snapshots[unitEmergence(cos, config.emergenceCosine)].epoch);
    }
    for (let k = 0; k < perSnapshot.length; k++) {
      const F = perSnapshot[k];
      // sampled measures cost most: the epsilon-measures at the last snapshot only, except the
      // finite epsilon-orbit of a torus world (the orbit measure of C2); claims that need a
      // control's orbit measure compute it themselves (claims/shared/orbitMeasure.ts)
      const isLast = k === perSnapshot.length - 1;
      const orbits: FeatureOrbitNumbers[] = await featureOrbits(F, units, h, w, { groups: config.groups, levels: config.levels, tol: config.tol, eps: isLast ? config.eps : null, finiteEps: isLast || world ? config.finiteEps : null });
      const found = world && L.index === 1 ? await matchPrimitives(F, units, n, world.primitives) : null;
      if (found) primitiveBest.push(found.perPrimitive);
      for (let u = 0; u < units; u++) {
        const x = F.subarray(u * n, (u + 1) * n);
        features.push({
          seed,
          layer: L.index,
          unit: u,
          snapshot: { index: k, step: L.snapshots[k].step, epoch: L.snapshots[k].epoch },
          orbits: orbitNumbersToJson(orbits[u]),
          complexity: complexity(x, h, w),
          emergenceEpoch: emergence[u],
          matchedPrimitive: found ? { name: found.perFeature[u].name, cosine: Number(found.perFeature[u].cosine.toFixed(6)) } : null,
        });
      }
    }
  }
  return { features, images, snapshotTimes, primitiveBest };
}

/** Features of one layer (or all) at each seed's last analysed snapshot. */
export function finalFeatures(features: readonly FeatureResult[], layer?: number): FeatureResult[] {
  const lastIndex = new Map<number, number>();
  for (const f of features) lastIndex.set(f.seed, Math.max(lastIndex.get(f.seed) ?? -1, f.snapshot.index));
  return features.filter((f) => f.snapshot.index === lastIndex.get(f.seed) && (layer === undefined || f.layer === layer));
}

/** Features of one layer (or all) at snapshot 0: the untrained layer (over the trained layers below). */
export function initialFeatures(features: readonly FeatureResult[], layer?: number): FeatureResult[] {
  return features.filter((f) => f.snapshot.index === 0 && (layer === undefined || f.layer === layer));
}
