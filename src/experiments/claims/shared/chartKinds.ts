import type { TopLevelSpec } from 'vega-lite';
// vega-lite exports only TopLevelSpec at its root; the spec of one panel inside a concat is this one
import type { NonNormalizedSpec } from 'vega-lite/build/src/spec/index.js';
import type { LayerSpec } from 'vega-lite/build/src/spec/layer.js';
import type { UnitSpec } from 'vega-lite/build/src/spec/unit.js';
import type { Field } from 'vega-lite/build/src/channeldef.js';
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
export function scatterChart(claim: Claim, logX: boolean): NonNormalizedSpec | null {
  const data = chartValues(claim);
  if (data.length === 0) return null;
  const x = { field: 'x', type: 'quantitative' as const, title: claim.axes.x, scale: logX ? { type: 'log' as const } : { zero: false } };
  const y = { field: 'y', type: 'quantitative' as const, title: claim.axes.y, scale: { zero: false } };
  return {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values: data },
    mark: { type: 'point', filled: true, opacity: 0.7, cursor: 'pointer' },
    encoding: { x, y, color: { field: 'series', type: 'nominal', title: null, legend: { labelLimit: 260, orient: 'bottom', columns: 1 } }, tooltip: pointTooltip(claim) },
  };
}

/**
 * The verdict panel every claim shares: per seed the trained statistic, the deciding control's and
 * their difference as points; the difference's mean with its 95% interval as a bar; the declared
 * minimum effect as a dashed rule. What the verdict rests on, in one picture.
 */
export function seedPanel(claim: Claim): NonNormalizedSpec | null {
  const rows = claim.perSeed.flatMap((s) => [
    ...(s.statistic !== null ? [{ seed: s.seed, what: 'trained', value: s.statistic }] : []),
    ...(s.control !== undefined && s.control !== null ? [{ seed: s.seed, what: `control: ${claim.control?.name ?? ''}`, value: s.control }] : []),
    ...(s.difference !== undefined && s.difference !== null ? [{ seed: s.seed, what: 'trained − control', value: s.difference }] : []),
  ]);
  if (rows.length === 0) return null;
  const order = ['trained', `control: ${claim.control?.name ?? ''}`, 'trained − control'];
  const x = { field: 'what', type: 'nominal' as const, title: null, sort: order, axis: { labelAngle: -20, labelLimit: 170 } };
  const y = { field: 'value', type: 'quantitative' as const, title: 'statistic per seed' };
  const layers: (LayerSpec<Field> | UnitSpec<Field>)[] = [
    { data: { values: rows }, mark: { type: 'point', filled: true, size: 50, opacity: 0.8 }, encoding: { x, y, color: { field: 'what', type: 'nominal', title: null, legend: null }, tooltip: [{ field: 'seed', type: 'quantitative', format: 'd' }, { field: 'what', type: 'nominal' }, { field: 'value', type: 'quantitative', format: '.4g' }] } },
  ];
  const d = claim.difference;
  if (d && d.ci) {
    layers.push({
      data: { values: [{ what: 'trained − control', lo: d.ci[0], hi: d.ci[1], mean: d.statistic }] },
      layer: [
        { mark: { type: 'rule', strokeWidth: 3, color: 'black' }, encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } } },
        { mark: { type: 'tick', thickness: 3, color: 'black', size: 24 }, encoding: { x, y: { field: 'mean', type: 'quantitative' } } },
      ],
    });
  }
  // the minimum effect applies to the difference only: a dashed tick across that column
  layers.push({
    data: { values: [{ what: 'trained − control', m: claim.threshold + claim.minimumEffect, label: `minimum effect ${claim.minimumEffect}` }] },
    mark: { type: 'tick', strokeDash: [5, 3], color: '#b42318', thickness: 2, size: 60 },
    encoding: { x, y: { field: 'm', type: 'quantitative' }, tooltip: [{ field: 'label', type: 'nominal' }] },
  });
  return { width: 240, height: CHART_HEIGHT, title: { text: ['points: seeds; black: mean difference', 'and its 95% CI; red line: minimum effect'], fontSize: 10, fontWeight: 'normal' }, layer: layers };
}

/** A claim-specific panel beside the shared per-seed panel, in one chart. */
export function withSeedPanel(claim: Claim, main: NonNormalizedSpec | null): TopLevelSpec | null {
  const panels = [main, seedPanel(claim)].filter((p): p is NonNormalizedSpec => p !== null);
  if (panels.length === 0) return null;
  return { hconcat: panels, resolve: { scale: { color: 'independent' } } };
}
