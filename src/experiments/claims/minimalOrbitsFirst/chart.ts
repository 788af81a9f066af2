import type { TopLevelSpec } from 'vega-lite';
import type { Claim } from '../../../results/index.js';
import { scatterChart, withSeedPanel } from '../shared/chartKinds.js';

/** C2's chart: emergence epoch against orbit size (log scale). */
export function minimalOrbitsFirstChart(claim: Claim): TopLevelSpec | null {
  return withSeedPanel(claim, scatterChart(claim, true));
}
