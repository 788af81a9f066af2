import type { SeedContext } from '../claimModule.js';
import { finalFeatures } from '../../seedFeatures.js';
import type { ComplexityGrowsWithDepthEvidence } from './judge.js';

/** C4 evidence of one seed: the final input-space features of every layer. */
export async function collectComplexityGrowsWithDepth(ctx: SeedContext): Promise<ComplexityGrowsWithDepthEvidence> {
  return { seed: ctx.seed, features: finalFeatures(ctx.features) };
}
