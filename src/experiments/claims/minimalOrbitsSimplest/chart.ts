import type { TopLevelSpec } from 'vega-lite';
import type { Claim } from '../../../results/index.js';
import { scatterChart } from '../shared/chartKinds.js';

/** C3's chart: compressed length against orbit size (log scale). */
export function minimalOrbitsSimplestChart(claim: Claim): TopLevelSpec | null {
  return scatterChart(claim, true);
}
