import type { TopLevelSpec } from 'vega-lite';
import type { Claim } from '../../../results/index.js';
import { scatterChart } from '../shared/chartKinds.js';

/** C2's chart: emergence epoch against orbit size (log scale). */
export function minimalOrbitsFirstChart(claim: Claim): TopLevelSpec | null {
  return scatterChart(claim, true);
}
