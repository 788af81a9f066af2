import type { TopLevelSpec } from 'vega-lite';
import type { Claim, ClaimId } from '../../results/index.js';
import { minimalOrbitsFirstChart } from './minimalOrbitsFirst/chart.js';
import { minimalOrbitsSimplestChart } from './minimalOrbitsSimplest/chart.js';
import { complexityGrowsWithDepthChart } from './complexityGrowsWithDepth/chart.js';
import { autoencodersStabilizeChart } from './autoencodersStabilize/chart.js';

// Browser-safe (charts import only the results schema and vega-lite types): the report renders
// these specs to SVG and the explorer draws the same specs, so each claim's chart has one definition.
const CHARTS: Record<ClaimId, (claim: Claim) => TopLevelSpec | null> = {
  C2: minimalOrbitsFirstChart,
  C3: minimalOrbitsSimplestChart,
  C4: complexityGrowsWithDepthChart,
  C5: autoencodersStabilizeChart,
};

/** The Vega-Lite chart of a claim, or null when the claim has nothing to plot. */
export function claimChart(id: ClaimId, claim: Claim): TopLevelSpec | null {
  return CHARTS[id](claim);
}
