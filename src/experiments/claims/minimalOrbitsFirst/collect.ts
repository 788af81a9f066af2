import { complexity } from '../../../analysis/complexity.js';
import { primitiveEmergence } from '../../../analysis/emergence.js';
import type { FeatureResult } from '../../../results/index.js';
import type { SeedContext } from '../claimModule.js';
import { finalFeatures } from '../../seedFeatures.js';
import type { MinimalOrbitsFirstEvidence } from './judge.js';

/** A primitive of the synthetic world with its exact orbit and its emergence in one seed's training. */
export interface PrimitiveRecord {
  readonly seed: number;
  readonly name: string;
  readonly group: string;
  readonly orbitSize: number;
  readonly stabilizerOrder: number;
  readonly complexity: FeatureResult['complexity'];
  /** Epoch of emergence; null when no unit ever matched it. */
  readonly emergenceEpoch: number | null;
  readonly bestCosine: number;
}

/** The world's primitives with their exact orbits, complexity and emergence over layer-1 snapshots. */
export function worldPrimitiveRecords(ctx: SeedContext): PrimitiveRecord[] {
  const world = ctx.world;
  if (!world) return [];
  const last = ctx.primitiveBest.length - 1;
  return world.primitives.map((p, j) => {
    const k = primitiveEmergence(ctx.primitiveBest.map((b) => b[j]), ctx.config.emergenceCosine);
    return {
      seed: ctx.seed,
      name: p.name,
      group: world.group,
      orbitSize: p.size,
      stabilizerOrder: p.stabilizerOrder,
      complexity: complexity(p.template, ctx.height, ctx.width),
      emergenceEpoch: k === null ? null : ctx.snapshotTimes[k].epoch,
      bestCosine: ctx.primitiveBest[last][j],
    };
  });
}

/** C2 evidence of one seed: primitive emergence (synthetic worlds) and the final layer-1 units. */
export async function collectMinimalOrbitsFirst(ctx: SeedContext): Promise<MinimalOrbitsFirstEvidence> {
  return { seed: ctx.seed, primitives: worldPrimitiveRecords(ctx), units: finalFeatures(ctx.features, 1) };
}
