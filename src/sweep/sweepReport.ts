import { renderSvg } from '../report/renderSvg.js';
import { fmt } from '../report/numberFormat.js';
import { SWEEP_TABLES } from './sweepTables.js';
import type { SweepCell } from './sweepFile.js';
import type { CellResults } from './cellResults.js';
import { forestPlot } from './forestPlot.js';
import { MIN_SEEDS_PER_CELL } from './metaAnalysis.js';
import type { ClaimMeta } from './sweepMeta.js';

function esc(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function interval(ci: readonly [number, number] | null | undefined): string {
  return ci ? `[${fmt(ci[0])}, ${fmt(ci[1])}]` : '—';
}

const CLASS: Record<string, string> = { supported: 'ok', 'not supported': 'no', inconclusive: 'maybe' };

function verdictCell(v: string | undefined): string {
  return v === undefined ? '<td>—</td>' : `<td class="verdict ${CLASS[v] ?? ''}">${esc(v)}</td>`;
}

async function claimSection(m: ClaimMeta): Promise<string> {
  const pooled = m.pooled
    ? `pooled ${m.estimateKind === 'difference' ? 'difference' : 'statistic'} ${fmt(m.pooled.mu)} ${interval(m.pooled.ci)} over ${m.pooled.k} cells; τ² = ${fmt(m.pooled.tau2)} (DerSimonian-Laird ${fmt(m.pooled.tau2DL)}), I² = ${(m.pooled.I2 * 100).toFixed(1)}%, Q = ${fmt(m.pooled.Q)}`
    : 'no pooled estimate';
  const flips = m.flips.length
    ? `<p>Cells whose verdict differs from the pooled one (${m.flips.length} of ${m.rows.length}):</p><ul>${m.flips.map((r) => `<li><a href="cells/${r.cell.id}/report.html">${esc(r.cell.label)}</a>: ${esc(r.claim.verdict)}${r.claim.reason ? ` (${esc(r.claim.reason)})` : ''}</li>`).join('')}</ul>`
    : `<p>Every cell's verdict agrees with the pooled one.</p>`;
  const options = [...new Set(m.byOption.map((o) => o.option))];
  const byOption = options.length
    ? `<table><thead><tr><th>option</th><th>value</th><th>supported</th><th>not supported</th><th>inconclusive</th></tr></thead><tbody>${m.byOption
        .map((o) => `<tr><td>${esc(o.option)}</td><td>${esc(o.value)}</td><td>${o.counts.supported ?? 0}</td><td>${o.counts['not supported'] ?? 0}</td><td>${o.counts.inconclusive ?? 0}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  return `<section id="${esc(m.claim)}"><h2>${esc(m.claim)} ${esc(m.title)}</h2>
<p class="pooled"><span class="verdict ${CLASS[m.verdict]}">${esc(m.verdict)}</span> ${pooled}; minimum effect ${fmt(m.minimumEffect)} above ${fmt(m.threshold)}.${m.reason ? ` <em>${esc(m.reason)}</em>` : ''}${m.estimateKind === 'statistic' ? ' <strong>These results carry no control for this claim: the cells and the pooling are on the trained statistic alone.</strong>' : ''}</p>
<figure class="chart">${await renderSvg(forestPlot(m))}</figure>
${flips}
${byOption}
</section>`;
}

/**
 * sweep-report.html: one self-contained page (charts drawn to SVG at build time) with, per
 * claim, the forest plot of every cell's estimate with its interval, the pooled random-effects
 * estimate with I², its verdict, the cells whose verdict flips and the verdicts per option value;
 * and the table of every cell's verdicts, each cell linked to its own report.
 */
export async function sweepReportHtml(cells: readonly { cell: SweepCell; results: CellResults }[], metas: readonly ClaimMeta[], failed: readonly { cell: SweepCell; message: string }[]): Promise<string> {
  const claims = metas.map((m) => m.claim);
  const table = `<table class="cells"><thead><tr><th>cell</th><th>options</th>${claims.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${cells
    .map(({ cell, results }) => `<tr><td><a href="cells/${cell.id}/report.html"><code>${cell.id}</code></a></td><td>${esc(cell.label)}</td>${claims.map((c) => verdictCell(results.claims.find((k) => k.claim === c)?.verdict)).join('')}</tr>`)
    .join('\n')}${failed.map((f) => `<tr><td><code>${f.cell.id}</code></td><td>${esc(f.cell.label)}</td><td colspan="${claims.length}">failed: ${esc(f.message)}</td></tr>`).join('\n')}</tbody></table>`;
  const sections = [];
  for (const m of metas) sections.push(await claimSection(m));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Orbitscope sweep report</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#1f2328}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #d0d7de;padding:3px 8px;text-align:left}
.verdict.ok{background:#dafbe1}.verdict.no{background:#ffebe9}.verdict.maybe{background:#fff8c5}
span.verdict{padding:2px 6px;border-radius:4px;font-weight:600}figure.chart{margin:0}
</style></head><body>
<h1>Sweep report</h1>
<p>${cells.length} cells finished${failed.length ? `, ${failed.length} failed` : ''}. Each claim is pooled over the cells with a random-effects model (Paule-Mandel τ², Hartung-Knapp 95% interval; I² from Cochran's Q); a cell enters with the mean of its per-seed estimates and their variance over seeds (at least ${MIN_SEEDS_PER_CELL} seeds). The pooled verdict uses the claim's own rule: supported when the whole interval lies above threshold + minimum effect. Tables: <code>${SWEEP_TABLES.claims}</code>, <code>${SWEEP_TABLES.claimSeeds}</code>, <code>${SWEEP_TABLES.units}</code> (Parquet).</p>
<h2>Verdicts per cell</h2>
${table}
${sections.join('\n')}
</body></html>
`;
}
