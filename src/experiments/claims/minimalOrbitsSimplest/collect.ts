import type { SeedContext } from '../claimModule.js';
import { finalFeatures } from '../../seedFeatures.js';
import { worldPrimitiveRecords } from '../minimalOrbitsFirst/collect.js';
import type { MinimalOrbitsSimplestEvidence } from './judge.js';

/** C3 evidence of one seed: the final layer-1 features and the world's primitives. */
export async function collectMinimalOrbitsSimplest(ctx: SeedContext): Promise<MinimalOrbitsSimplestEvidence> {
  return { seed: ctx.seed, features: finalFeatures(ctx.features, 1), primitives: worldPrimitiveRecords(ctx) };
}
