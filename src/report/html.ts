import { ClaimIds, type Claim, type Results } from '../experiments/results.js';
import { claimChart } from './charts.js';
import { renderSvg } from './renderSvg.js';

/** A PNG figure to embed in the report. */
export interface ReportFigure {
  readonly title: string;
  readonly caption?: string;
  readonly png: Uint8Array;
}

/** Facts about the run that the reader needs to judge the statistics' power. */
export interface RunFacts {
  readonly rows: readonly [string, string][];
}

function esc(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A number for people: 4 significant digits, '—' for undefined. */
export function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  if (x !== 0 && (Math.abs(x) >= 1e5 || Math.abs(x) < 1e-3)) return x.toExponential(2);
  return Number(x.toPrecision(4)).toString();
}

function interval(c: Claim): string {
  return c.ci ? `[${fmt(c.ci[0])}, ${fmt(c.ci[1])}]` : '—';
}

const VERDICT_CLASS: Record<Claim['verdict'], string> = { supported: 'ok', 'not supported': 'no', inconclusive: 'maybe' };

function verdictTable(results: Results): string {
  const rows = ClaimIds.map((id) => {
    const c = results.claims[id];
    return `<tr><td><a href="#${id}">${id}</a></td><td>${esc(c.title)}</td><td class="verdict ${VERDICT_CLASS[c.verdict]}">${esc(c.verdict)}</td>
<td>${esc(c.statisticName)} = ${fmt(c.statistic)}</td><td>${interval(c)}</td><td>${c.n}</td><td>${esc(c.measured)}${c.reason ? ` <em>(${esc(c.reason)})</em>` : ''}</td></tr>`;
  });
  return `<table class="verdicts"><thead><tr><th>claim</th><th></th><th>verdict</th><th>statistic</th><th>95% CI</th><th>n</th><th>what was measured</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function table(rows: readonly Record<string, unknown>[]): string {
  if (rows.length === 0) return '';
  // rows may differ in their fields (e.g. a summary row): the columns are all of them, in order of appearance
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const body = rows
    .map((r) => `<tr>${cols.map((c) => `<td>${typeof r[c] === 'number' ? fmt(r[c] as number) : esc(r[c] ?? '—')}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${cols.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>`;
}

async function claimSection(id: (typeof ClaimIds)[number], c: Claim): Promise<string> {
  const spec = claimChart(id, c);
  const chart = spec ? `<figure class="chart">${await renderSvg(spec)}</figure>` : '<p><em>No data to plot.</em></p>';
  const perSeed = table(c.perSeed.map((s) => ({ seed: s.seed, statistic: s.statistic, 'ci low': s.ci?.[0] ?? null, 'ci high': s.ci?.[1] ?? null, n: s.n, verdict: s.verdict })));
  return `<section id="${id}"><h2>${id}. ${esc(c.title)} — <span class="verdict ${VERDICT_CLASS[c.verdict]}">${esc(c.verdict)}</span></h2>
<p>${esc(c.measured)} Statistic: ${esc(c.statisticName)} = <strong>${fmt(c.statistic)}</strong>, 95% bootstrap CI ${interval(c)}, n = ${c.n}, threshold ${fmt(c.threshold)}.${c.reason ? ` ${esc(c.reason)}.` : ''}</p>
${chart}
${c.table && c.table.length ? `<details${c.table.length <= 15 ? ' open' : ''}><summary>Table (${c.table.length} rows)</summary>${table(c.table)}</details>` : ''}
${perSeed ? `<details><summary>Per seed</summary>${perSeed}</details>` : ''}
</section>`;
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
.verdict{font-weight:600}.ok{color:#1a7f37}.no{color:#b42318}.maybe{color:#9a6700}
figure{margin:.5em 0}img.grid{image-rendering:pixelated;max-width:100%;border:1px solid #ddd}
h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.6em}`;

/**
 * The self-contained report of a run: the verdict table at the top, then one section per claim
 * with its chart (Vega-Lite rendered to SVG at build time), tables, feature grids as embedded
 * PNGs. It opens offline: nothing is loaded from elsewhere.
 */
export async function reportHtml(results: Results, facts: RunFacts, figures: readonly ReportFigure[]): Promise<string> {
  const sections: string[] = [];
  for (const id of ClaimIds) sections.push(await claimSection(id, results.claims[id]));
  const figs = figures
    .map(
      (f) =>
        `<figure><figcaption><strong>${esc(f.title)}</strong>${f.caption ? ` — ${esc(f.caption)}` : ''}</figcaption><img class="grid" alt="${esc(f.title)}" src="data:image/png;base64,${Buffer.from(f.png).toString('base64')}"></figure>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Orbitscope report</title><style>${STYLE}</style></head><body>
<h1>Orbitscope report</h1>
<p>Claims of Paul &amp; Venkatasubramanian (arXiv 1412.6621), tested as experiments. Orbitscope ${esc(results.version)}.</p>
${verdictTable(results)}
<h2>Run</h2>${table(facts.rows.map(([k, v]) => ({ what: k, value: v })))}
${sections.join('\n')}
<h2>Features</h2>${figs || '<p><em>No feature grids.</em></p>'}
</body></html>
`;
}
