import type { TopLevelSpec } from 'vega-lite';
import type { Claim } from '../../../results/index.js';

// Browser-safe: imported by the report (rendered to SVG at build time) and by the explorer.

export const CHART_WIDTH = 420;
export const CHART_HEIGHT = 260;

/** A claim's plottable points, with a series name for every one. */
export function chartValues(claim: Claim) {
  return claim.points.filter((p) => p.x !== null && p.y !== null).map((p) => ({ ...p, series: p.series ?? 'all' }));
}

/** Tooltip of a point: what it is, and x and y under the axis titles. */
export function pointTooltip(claim: Claim) {
  return [
    { field: 'label', type: 'nominal' as const },
    { field: 'series', type: 'nominal' as const },
    { field: 'x', type: 'quantitative' as const, format: '.4g', title: claim.axes.x },
    { field: 'y', type: 'quantitative' as const, format: '.4g', title: claim.axes.y },
    { field: 'seed', type: 'quantitative' as const, format: 'd' },
  ];
}

/** Scatter of y against x, coloured by series; `logX` for orbit sizes spanning decades. */
export function scatterChart(claim: Claim, logX: boolean): TopLevelSpec | null {
  const data = chartValues(claim);
  if (data.length === 0) return null;
  const x = { field: 'x', type: 'quantitative' as const, title: claim.axes.x, scale: logX ? { type: 'log' as const } : { zero: false } };
  const y = { field: 'y', type: 'quantitative' as const, title: claim.axes.y, scale: { zero: false } };
  return {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values: data },
    mark: { type: 'point', filled: true, opacity: 0.7, cursor: 'pointer' },
    encoding: { x, y, color: { field: 'series', type: 'nominal', title: null }, tooltip: pointTooltip(claim) },
  };
}
