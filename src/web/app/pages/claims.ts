import { loadRun } from '../api.js';
import { renderChart } from '../chart.js';
import { el, fmt, verdictBadge } from '../dom.js';
import type { Claim } from '../../../experiments/results.js';

const CLAIMS = ['C0', 'C1', 'C2', 'C3', 'C4', 'C5'] as const;

/** Claims: each claim's verdict and statistic, and its chart (hover for values, click to open the feature). */
export async function claimsPage(root: HTMLElement, id: string): Promise<void> {
  const run = await loadRun(id);
  root.append(el('h2', {}, `${id}: claims`));
  if (!run.results) {
    root.append(el('p', { class: 'error' }, 'This run has no results.json yet.'));
    return;
  }
  const last = (run.index?.snapshots.length ?? 1) - 1;
  for (const c of CLAIMS) {
    const claim: Claim = run.results.claims[c];
    const chart = el('div', { 'data-testid': `chart-${c}` });
    root.append(
      el('section', { class: 'claim panel' },
        el('h3', {}, `${c} ${claim.title} `, verdictBadge(claim.verdict)),
        el('p', {}, claim.measured),
        el('p', { class: 'readout' }, `${claim.statisticName} = ${fmt(claim.statistic)}  95% CI ${claim.ci ? `[${fmt(claim.ci[0])}, ${fmt(claim.ci[1])}]` : '-'}  n = ${claim.n}  threshold ${claim.threshold}`),
        claim.reason ? el('p', { class: 'muted' }, claim.reason) : null,
        chart,
      ),
    );
    const values = claim.points.filter((p) => p.x !== null && p.y !== null).map((p) => ({ ...p, series: p.series ?? 'all' }));
    if (values.length === 0) {
      chart.append(el('p', { class: 'muted' }, 'no points'));
      continue;
    }
    await renderChart(
      chart,
      {
        $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
        width: 460,
        height: 220,
        data: { values },
        mark: { type: 'point', filled: true, size: 60, opacity: 0.75, cursor: 'pointer' },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: claim.axes.x, scale: { zero: false } },
          y: { field: 'y', type: 'quantitative', title: claim.axes.y, scale: { zero: false } },
          color: { field: 'series', type: 'nominal', title: null },
          tooltip: [{ field: 'label', type: 'nominal' }, { field: 'x', type: 'quantitative', title: claim.axes.x }, { field: 'y', type: 'quantitative', title: claim.axes.y }],
        },
      },
      (d) => {
        if (typeof d.unit === 'number' && typeof d.layer === 'number' && typeof d.seed === 'number') {
          location.hash = `#/run/${encodeURIComponent(id)}/feature?seed=${d.seed}&layer=${d.layer}&unit=${d.unit}&snap=${last}`;
        }
      },
    );
    if (claim.table?.length) {
      const cols = Object.keys(claim.table[0]);
      chart.append(el('table', {}, el('tr', {}, ...cols.map((k) => el('th', {}, k))), ...claim.table.slice(0, 20).map((r) => el('tr', {}, ...cols.map((k) => el('td', {}, String(r[k])))))));
    }
  }
}
