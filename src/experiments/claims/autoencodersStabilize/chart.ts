import type { TopLevelSpec } from 'vega-lite';
import type { Claim } from '../../../results/index.js';
import { CHART_HEIGHT, CHART_WIDTH, withSeedPanel } from '../shared/chartKinds.js';

/**
 * C5's chart: for the trained autoencoder and each baseline (one bar each, a nominal axis), the
 * median over seeds of the held-out residual and of the permutation shadow error, with every
 * seed's value as a point; beside it the per-seed verdict panel.
 */
export function autoencodersStabilizeChart(claim: Claim): TopLevelSpec | null {
  const data = claim.points.filter((p) => p.y !== null).map((p) => ({ ...p, series: p.series ?? 'all', map: p.label ?? '' }));
  const main: TopLevelSpec | null = data.length
    ? {
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
        data: { values: data },
        encoding: {
          x: { field: 'map', type: 'nominal', title: claim.axes.x, axis: { labelAngle: -20, labelLimit: 180 } },
          xOffset: { field: 'series', type: 'nominal' },
          color: { field: 'series', type: 'nominal', title: null, legend: { labelLimit: 260, orient: 'bottom', columns: 1 } },
        },
        layer: [
          { mark: { type: 'bar', opacity: 0.6 }, encoding: { y: { aggregate: 'median', field: 'y', type: 'quantitative', title: 'relative error (median over seeds)' }, tooltip: [{ field: 'map', type: 'nominal' }, { field: 'series', type: 'nominal' }, { aggregate: 'median', field: 'y', type: 'quantitative', format: '.4g', title: 'median over seeds' }] } },
          { mark: { type: 'point', filled: true, size: 25, color: 'black', opacity: 0.6 }, encoding: { y: { field: 'y', type: 'quantitative' }, tooltip: [{ field: 'map', type: 'nominal' }, { field: 'series', type: 'nominal' }, { field: 'seed', type: 'quantitative', format: 'd' }, { field: 'y', type: 'quantitative', format: '.4g', title: claim.axes.y }] } },
        ],
      }
    : null;
  return withSeedPanel(claim, main);
}
