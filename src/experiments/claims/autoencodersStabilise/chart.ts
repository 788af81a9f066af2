import type { TopLevelSpec } from 'vega-lite';
import type { Claim } from '../../../results/index.js';
import { CHART_HEIGHT, CHART_WIDTH, chartValues } from '../shared/chartKinds.js';

/** C5's chart: median relative error per quantity (residual, shadow families), trained beside its controls. */
export function autoencodersStabiliseChart(claim: Claim): TopLevelSpec | null {
  const data = chartValues(claim);
  if (data.length === 0) return null;
  return {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values: data },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'label', type: 'nominal', title: claim.axes.x, axis: { labelAngle: -30 } },
      xOffset: { field: 'series' },
      y: { aggregate: 'median', field: 'y', type: 'quantitative', title: claim.axes.y },
      color: { field: 'series', type: 'nominal', title: null },
      tooltip: [
        { field: 'label', type: 'nominal' },
        { field: 'series', type: 'nominal' },
        { aggregate: 'median', field: 'y', type: 'quantitative', format: '.4g', title: 'median' },
      ],
    },
  };
}
