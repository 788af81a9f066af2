import type { ClaimId } from '../../results/index.js';
import type { ClaimModule } from './claimModule.js';
import { minimalOrbitsFirst } from './minimalOrbitsFirst/index.js';
import { minimalOrbitsSimplest } from './minimalOrbitsSimplest/index.js';
import { complexityGrowsWithDepth } from './complexityGrowsWithDepth/index.js';
import { autoencodersStabilize } from './autoencodersStabilize/index.js';

/** Every claim about learning, by id: the orchestration iterates this and nothing else. */
export const CLAIMS: { readonly [K in ClaimId]: ClaimModule<unknown> } = {
  C2: minimalOrbitsFirst as ClaimModule<unknown>,
  C3: minimalOrbitsSimplest as ClaimModule<unknown>,
  C4: complexityGrowsWithDepth as ClaimModule<unknown>,
  C5: autoencodersStabilize as ClaimModule<unknown>,
};

export type { ClaimModule, SeedContext, RunContext, Pooled } from './claimModule.js';
export { claimChart } from './charts.js';
export * from './minimalOrbitsFirst/index.js';
export * from './minimalOrbitsSimplest/index.js';
export * from './complexityGrowsWithDepth/index.js';
export * from './autoencodersStabilize/index.js';
export { unmeasuredClaim } from './shared/unmeasuredClaim.js';
export { orbitValue } from './shared/orbitValue.js';
export { CHART_HEIGHT, CHART_WIDTH, chartValues, pointTooltip, scatterChart, seedPanel, withSeedPanel } from './shared/chartKinds.js';
export { acrossSeeds, controlledClaim } from './shared/controlledClaim.js';
export { MEASURE_LABELS, rankCorrelation, sensitivityRows } from './shared/correlationControls.js';
export { SENSITIVITY_EPS, epsOrbitSizes } from './shared/orbitMeasure.js';
