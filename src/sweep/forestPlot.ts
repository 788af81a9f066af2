import type { TopLevelSpec } from 'vega-lite';
import type { ClaimMeta } from './sweepMeta.js';

/**
 * Forest plot of one claim over a sweep: each cell's estimate (trained minus control when the
 * claim has one) with its interval, coloured by the cell's verdict, the pooled random-effects
 * estimate and interval as the last row, a solid line at the threshold and a dashed one at
 * threshold + minimum effect (where "supported" begins).
 */
export function forestPlot(meta: ClaimMeta): TopLevelSpec {
  const rows = meta.rows.map((r) => ({ row: r.cell.label, estimate: r.claim.estimate.statistic, lo: r.claim.estimate.ci?.[0] ?? null, hi: r.claim.estimate.ci?.[1] ?? null, verdict: r.claim.verdict, kind: 'cell' }));
  if (meta.pooled) rows.push({ row: `pooled (${meta.pooled.k} cells, I² = ${(meta.pooled.I2 * 100).toFixed(0)}%)`, estimate: meta.pooled.mu, lo: meta.pooled.ci[0], hi: meta.pooled.ci[1], verdict: meta.verdict, kind: 'pooled' });
  const order = rows.map((r) => r.row);
  const y = { field: 'row', type: 'nominal' as const, sort: order, title: null, axis: { labelLimit: 320 } };
  const title = meta.estimateKind === 'difference' ? `${meta.statisticName}: trained − control` : meta.statisticName;
  const color = { field: 'verdict', type: 'nominal' as const, scale: { domain: ['supported', 'not supported', 'inconclusive'], range: ['#1a7f37', '#cf222e', '#9a6700'] }, title: 'verdict' };
  return {
    width: 420,
    height: Math.max(60, 22 * rows.length),
    layer: [
      { data: { values: [{ x: meta.threshold }] }, mark: { type: 'rule', color: '#555' }, encoding: { x: { field: 'x', type: 'quantitative' } } },
      { data: { values: [{ x: meta.threshold + meta.minimumEffect }] }, mark: { type: 'rule', color: '#555', strokeDash: [4, 4] }, encoding: { x: { field: 'x', type: 'quantitative' } } },
      {
        data: { values: rows.filter((r) => r.lo !== null && r.hi !== null) },
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { y, x: { field: 'lo', type: 'quantitative', title }, x2: { field: 'hi' }, color },
      },
      {
        data: { values: rows.filter((r) => r.estimate !== null) },
        mark: { type: 'point', filled: true, size: 70 },
        encoding: { y, x: { field: 'estimate', type: 'quantitative', title }, color, shape: { field: 'kind', type: 'nominal', scale: { domain: ['cell', 'pooled'], range: ['circle', 'diamond'] }, legend: null } },
      },
    ],
  };
}
