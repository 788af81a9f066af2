import type { TopLevelSpec } from 'vega-lite';
import type { Claim } from '../../../results/index.js';
import { scatterChart, withSeedPanel } from '../shared/chartKinds.js';

/** C3's chart: complexity against orbit size (log scale), trained beside its controls; the per-seed verdict panel. */
export function minimalOrbitsSimplestChart(claim: Claim): TopLevelSpec | null {
  return withSeedPanel(claim, scatterChart(claim, true));
}
