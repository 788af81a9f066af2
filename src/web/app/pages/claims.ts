import { loadRun } from '../api.js';
import { renderChart } from '../chart.js';
import { el, fmt, fmtInterval, MISSING, verdictBadge } from '../dom.js';
import { ClaimIds, CheckIds, type Claim } from '../../../results/index.js';
import { claimChart } from '../../../experiments/claims/charts.js';

/** A table cell's text: numbers to 4 significant digits, missing values as MISSING (as report.html prints them). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined || v === '') return MISSING;
  if (typeof v === 'number') return fmt(v);
  return String(v);
}

/** Rows with possibly different fields: the columns are all of them, in order of appearance. */
function table(rows: readonly Record<string, unknown>[]): HTMLElement {
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return el('table', {}, el('tr', {}, ...cols.map((k) => el('th', {}, k))), ...rows.map((r) => el('tr', {}, ...cols.map((k) => el('td', {}, cellText(r[k]))))));
}

function readout(claim: Claim): string {
  const parts = [`trained ${fmt(claim.statistic)} ${fmtInterval(claim.ci)}`];
  if (claim.control) parts.push(`control (${claim.control.name}) ${fmt(claim.control.statistic)} ${fmtInterval(claim.control.ci)}`);
  parts.push(`difference ${fmt(claim.difference?.statistic)} ${fmtInterval(claim.difference?.ci)}`);
  parts.push(`minimum effect ${fmt(claim.minimumEffect)}`);
  return `${claim.statisticName}: ${parts.join(' · ')}`;
}

/** Claims: each claim's verdict on trained minus control, and its chart (the report's spec; hover for values, click to open the feature). */
export async function claimsPage(root: HTMLElement, id: string): Promise<void> {
  const run = await loadRun(id);
  root.append(el('h2', {}, `${id}: claims`));
  if (!run.results) {
    root.append(el('p', { class: 'error' }, 'This run has no results.json yet.'));
    return;
  }
  const last = (run.index?.snapshots.length ?? 1) - 1;
  for (const c of ClaimIds) {
    const claim: Claim = run.results.claims[c];
    const chart = el('div', { 'data-testid': `chart-${c}` });
    const tables = el('div', { 'data-testid': `tables-${c}` });
    root.append(
      el('section', { class: 'claim panel' },
        el('h3', {}, `${c} ${claim.title} `, verdictBadge(claim.verdict)),
        el('p', {}, claim.measured),
        el('p', { class: 'readout' }, readout(claim)),
        claim.reason ? el('p', { class: 'muted' }, claim.reason) : null,
        el('p', { class: 'muted' }, `Fails when: ${claim.failsWhen}`),
        chart,
        tables,
      ),
    );
    const spec = claimChart(c, claim);
    if (!spec) chart.append(el('p', { class: 'muted' }, 'no points'));
    else {
      await renderChart(chart, spec, (d) => {
        if (typeof d.unit === 'number' && typeof d.layer === 'number' && typeof d.seed === 'number') {
          location.hash = `#/run/${encodeURIComponent(id)}/feature?seed=${d.seed}&layer=${d.layer}&unit=${d.unit}&snap=${last}`;
        }
      });
    }
    if (claim.controls.length) tables.append(table(claim.controls.map((k) => ({ control: k.name, statistic: k.statistic, ci: fmtInterval(k.ci), 'trained − control': k.difference.statistic, 'difference ci': fmtInterval(k.difference.ci) }))));
    if (claim.table?.length) tables.append(table(claim.table.slice(0, 20)));
  }
  const checks = run.results.checks;
  if (checks) {
    root.append(
      el('section', { class: 'claim panel' },
        el('h3', {}, 'Engine self-checks'),
        el('p', { class: 'muted' }, 'These hold by construction when the code is right; a failure is a bug, not a finding.'),
        table(CheckIds.map((k) => ({ check: k, title: checks[k].title, status: checks[k].status, n: checks[k].n, reason: checks[k].reason }))),
      ),
    );
  }
}
