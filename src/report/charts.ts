import type { TopLevelSpec } from 'vega-lite';
import type { Claim, ClaimId } from '../experiments/results.js';

const WIDTH = 420;
const HEIGHT = 260;

function values(claim: Claim) {
  return claim.points.filter((p) => p.x !== null && p.y !== null).map((p) => ({ ...p, series: p.series ?? 'all' }));
}

const tooltip = [
  { field: 'label', type: 'nominal' as const },
  { field: 'x', type: 'quantitative' as const, format: '.4g' },
  { field: 'y', type: 'quantitative' as const, format: '.4g' },
  { field: 'seed', type: 'quantitative' as const },
  { field: 'layer', type: 'quantitative' as const },
  { field: 'unit', type: 'quantitative' as const },
];

/** Scatter of y against x, coloured by series; `logX` for orbit sizes spanning decades. */
function scatter(claim: Claim, logX: boolean, identity = false): TopLevelSpec {
  const data = values(claim);
  const layers: TopLevelSpec[] = [];
  const x = { field: 'x', type: 'quantitative' as const, title: claim.axes.x, scale: logX ? { type: 'log' as const } : { zero: false } };
  const y = { field: 'y', type: 'quantitative' as const, title: claim.axes.y, scale: identity ? { type: 'log' as const } : { zero: false } };
  const points = {
    mark: { type: 'point' as const, filled: true, opacity: 0.7 },
    encoding: { x, y, color: { field: 'series', type: 'nominal' as const, title: null }, tooltip },
  };
  if (identity) {
    const xs = data.map((d) => d.x as number).filter((v) => v > 0);
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    return {
      width: WIDTH,
      height: HEIGHT,
      layer: [
        { data: { values: data }, ...points },
        {
          data: { values: [{ x: lo, y: lo }, { x: hi, y: hi }] },
          mark: { type: 'line', color: '#888', strokeDash: [4, 4] },
          encoding: { x: { field: 'x', type: 'quantitative', scale: { type: 'log' } }, y: { field: 'y', type: 'quantitative', scale: { type: 'log' } } },
        },
      ],
    } as TopLevelSpec;
  }
  void layers;
  return { width: WIDTH, height: HEIGHT, data: { values: data }, ...points } as TopLevelSpec;
}

/** Strip plot of y by a discrete x (layer index), with the median per x. */
function byCategory(claim: Claim): TopLevelSpec {
  const data = values(claim);
  return {
    width: WIDTH,
    height: HEIGHT,
    data: { values: data },
    layer: [
      {
        mark: { type: 'tick', opacity: 0.5 },
        encoding: {
          x: { field: 'x', type: 'ordinal', title: claim.axes.x },
          y: { field: 'y', type: 'quantitative', title: claim.axes.y, scale: { zero: false } },
          color: { field: 'series', type: 'nominal', title: null },
          tooltip,
        },
      },
      {
        mark: { type: 'point', shape: 'diamond', size: 120, filled: true, color: 'black' },
        encoding: { x: { field: 'x', type: 'ordinal' }, y: { aggregate: 'median', field: 'y', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec;
}

/** Grouped bars: y for each x category, one bar per series (trained / untrained). */
function bars(claim: Claim): TopLevelSpec {
  return {
    width: WIDTH,
    height: HEIGHT,
    data: { values: values(claim) },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'label', type: 'nominal', title: claim.axes.x },
      xOffset: { field: 'series' },
      y: { aggregate: 'median', field: 'y', type: 'quantitative', title: claim.axes.y },
      color: { field: 'series', type: 'nominal', title: null },
      tooltip: [
        { field: 'label', type: 'nominal' },
        { field: 'series', type: 'nominal' },
        { aggregate: 'median', field: 'y', type: 'quantitative', format: '.4g', title: 'median' },
      ],
    },
  } as TopLevelSpec;
}

/** The Vega-Lite chart of each claim, or null when the claim has nothing to plot. */
export function claimChart(id: ClaimId, claim: Claim): TopLevelSpec | null {
  if (values(claim).length === 0) return null;
  switch (id) {
    case 'C0':
      return scatter(claim, true, true);
    case 'C1':
      return scatter(claim, true, true);
    case 'C2':
    case 'C3':
      return scatter(claim, true);
    case 'C4':
      return byCategory(claim);
    case 'C5':
      return bars(claim);
  }
}
