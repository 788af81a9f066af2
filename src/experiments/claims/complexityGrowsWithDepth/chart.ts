import type { TopLevelSpec } from 'vega-lite';
import type { Claim } from '../../../results/index.js';
import { CHART_HEIGHT, CHART_WIDTH, chartValues, pointTooltip, withSeedPanel } from '../shared/chartKinds.js';

/**
 * C4's chart: compressed length by layer, the layer an ordinal axis (1, 2, ...; never 1.1),
 * trained and control side by side at each layer, with the median of each as a diamond; beside it
 * the per-seed verdict panel.
 */
export function complexityGrowsWithDepthChart(claim: Claim): TopLevelSpec | null {
  const data = chartValues(claim);
  if (data.length === 0) return withSeedPanel(claim, null);
  const x = { field: 'x', type: 'ordinal' as const, title: claim.axes.x, axis: { labelAngle: 0 } };
  return withSeedPanel(claim, {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values: data },
    layer: [
      {
        mark: { type: 'tick', opacity: 0.5 },
        encoding: { x, xOffset: { field: 'series' }, y: { field: 'y', type: 'quantitative', title: claim.axes.y, scale: { zero: false } }, color: { field: 'series', type: 'nominal', title: null, legend: { labelLimit: 260, orient: 'bottom', columns: 1 } }, tooltip: pointTooltip(claim) },
      },
      {
        mark: { type: 'point', shape: 'diamond', size: 120, filled: true, color: 'black' },
        encoding: { x, xOffset: { field: 'series' }, y: { aggregate: 'median', field: 'y', type: 'quantitative' } },
      },
    ],
  });
}
