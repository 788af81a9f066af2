import type { Complexity } from '../../../analysis/complexity.js';
import type { SeedContext } from '../claimModule.js';
import type { ComplexityGrowsWithDepthEvidence } from './judge.js';

/** The declared control of C4. */
export const C4_CONTROL = 'each layer ≥ 2 untrained (snapshot 0) over the trained layers below';

/**
 * C4 evidence of one seed: the complexity of every unit's input-space feature, per layer, for the
 * trained stack and for the control in which each layer L >= 2 is taken at snapshot 0 on top of
 * the trained layers below (layer 1 as trained): what depth alone does to complexity, untrained.
 */
export async function collectComplexityGrowsWithDepth(ctx: SeedContext): Promise<ComplexityGrowsWithDepthEvidence> {
  const trained: Complexity[][] = [];
  const control: Complexity[][] = [];
  for (const L of ctx.trained.layers) {
    const at = (k: number) => ctx.features.filter((f) => f.layer === L.index && f.snapshot.index === k).sort((a, b) => a.unit - b.unit).map((f) => f.complexity);
    const last = L.snapshots.length - 1;
    trained.push(at(last));
    control.push(L.index === 1 ? at(last) : at(0));
  }
  return { seed: ctx.seed, trained, controls: { [C4_CONTROL]: control } };
}
