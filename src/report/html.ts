import { CheckIds, ClaimIds, type Check, type Claim, type ClaimId, type Results } from '../results/index.js';
import { claimChart } from '../experiments/claims/charts.js';
import { renderSvg } from './renderSvg.js';
import { trainingLossNotes } from './lossNotes.js';
import { fmt, fmtInterval } from './numberFormat.js';

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



const VERDICT_CLASS: Record<Claim['verdict'], string> = { supported: 'ok', 'not supported': 'no', inconclusive: 'maybe' };

function verdictTable(results: Results): string {
  const rows = ClaimIds.map((id) => {
    const c = results.claims[id];
    const ctl = c.control;
    return `<tr><td><a href="#${id}">${id}</a></td><td>${esc(c.title)}</td><td class="verdict ${VERDICT_CLASS[c.verdict]}">${esc(c.verdict)}</td>
<td>${fmt(c.statistic)} ${fmtInterval(c.ci)}</td><td>${ctl ? `${esc(ctl.name)}: ${fmt(ctl.statistic)} ${fmtInterval(ctl.ci)}` : '—'}</td><td>${c.difference ? `${fmt(c.difference.statistic)} ${fmtInterval(c.difference.ci)}` : '—'}</td><td>${fmt(c.minimumEffect)}</td><td>${esc(c.statisticName)}${c.reason ? ` <em>(${esc(c.reason)})</em>` : ''}${c.sensitivityNote ? ` <strong>${esc(c.sensitivityNote)}</strong>` : ''}</td></tr>`;
  });
  return `<table class="verdicts"><thead><tr><th>claim</th><th></th><th>verdict</th><th>trained [95% CI]</th><th>control [95% CI]</th><th>difference [95% CI]</th><th>minimum effect</th><th>statistic</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
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

async function claimSection(id: ClaimId, c: Claim): Promise<string> {
  const spec = claimChart(id, c);
  const chart = spec ? `<figure class="chart">${await renderSvg(spec)}</figure>` : '<p><em>No data to plot.</em></p>';
  const controls = table(
    c.controls.map((k) => ({ control: k.name, statistic: k.statistic, 'ci low': k.ci?.[0] ?? null, 'ci high': k.ci?.[1] ?? null, 'trained − control': k.difference.statistic, 'difference ci': fmtInterval(k.difference.ci), 'judged against': k.name === c.control?.name ? 'yes' : '' })),
  );
  const perSeed = table(c.perSeed.map((s) => ({ seed: s.seed, trained: s.statistic, ...(s.control !== undefined ? { control: s.control, 'trained − control': s.difference ?? null } : {}), n: s.n })));
  const secondary = c.secondary?.length ? `<h3>Secondary statistics (never the verdict)</h3>${table(c.secondary.map((x) => ({ statistic: x.name, value: x.statistic, '95% CI': fmtInterval(x.ci), note: x.note ?? '' })))}` : '';
  const sensitivity = c.sensitivity?.length ? `<h3>Sensitivity to the analysis choices</h3>${c.sensitivityNote ? `<p><strong>${esc(c.sensitivityNote)}</strong></p>` : ''}${table(c.sensitivity.map((r) => ({ choice: r.choice, primary: r.primary ? 'yes' : '', trained: r.statistic, control: r.control, 'trained − control': r.difference, 'difference ci': fmtInterval(r.ci) })))}` : '';
  const diff = c.difference ? `trained − control = <strong>${fmt(c.difference.statistic)}</strong>, 95% CI ${fmtInterval(c.difference.ci)}` : 'no control-based difference';
  return `<section id="${id}"><h2>${id}. ${esc(c.title)} — <span class="verdict ${VERDICT_CLASS[c.verdict]}">${esc(c.verdict)}</span></h2>
<p>${esc(c.measured)}</p>
<p>Statistic: ${esc(c.statisticName)}. Trained ${fmt(c.statistic)} ${fmtInterval(c.ci)}${c.control ? `; control (${esc(c.control.name)}) ${fmt(c.control.statistic)} ${fmtInterval(c.control.ci)}` : ''}; ${diff}; declared minimum effect ${fmt(c.minimumEffect)}${c.method ? ` (${esc(c.method)})` : ''}.${c.reason ? ` ${esc(c.reason)}.` : ''}</p>
<p class="fails"><em>What would have made it fail:</em> ${esc(c.failsWhen)}</p>
${chart}
${controls ? `<h3>Controls</h3>${controls}` : ''}
${secondary}
${sensitivity}
${c.table && c.table.length ? `<details${c.table.length <= 15 ? ' open' : ''}><summary>Table (${c.table.length} rows)</summary>${table(c.table)}</details>` : ''}
${perSeed ? `<details open><summary>Per seed</summary>${perSeed}</details>` : ''}
</section>`;
}

const CHECK_CLASS: Record<Check['status'], string> = { pass: 'ok', fail: 'no', 'not run': 'maybe' };

/** The engine self-checks: they hold by construction when the code is right, so they are not findings. */
function checksSection(results: Results): string {
  const rows = CheckIds.map((id) => {
    const c = results.checks[id];
    return `<tr><td>${id}</td><td>${esc(c.title)}</td><td class="verdict ${CHECK_CLASS[c.status]}">${esc(c.status)}</td><td>${c.n}</td><td>${esc(c.measured)}${c.reason ? ` <em>(${esc(c.reason)})</em>` : ''}</td></tr>`;
  });
  const tables = CheckIds.map((id) => {
    const c = results.checks[id];
    return c.table?.length ? `<details><summary>${id} table (${c.table.length} rows)</summary>${table(c.table)}</details>` : '';
  }).join('\n');
  return `<section id="checks"><h2>Engine self-checks</h2><p>These hold by construction when Orbitscope's code is right; a failure is a bug, never a finding about learning.</p>
<table><thead><tr><th>check</th><th></th><th>status</th><th>n</th><th>what was checked</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>${tables}</section>`;
}

/** The training section: a note per layer whose loss rose from one epoch to the next. */
function trainingSection(results: Results): string {
  const notes = trainingLossNotes(results.layers);
  if (!results.layers.some((L) => L.losses?.length)) return '';
  const body = notes.length
    ? `<ul class="notes">${notes.map((n) => `<li class="note">Note: ${esc(n)}</li>`).join('')}</ul>`
    : '<p>The training loss fell at every epoch of every layer and seed.</p>';
  return `<section id="training"><h2>Training</h2>${body}</section>`;
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
.verdict{font-weight:600}.ok{color:#1a7f37}.no{color:#b42318}.maybe{color:#9a6700}
figure{margin:.5em 0}img.grid{image-rendering:pixelated;max-width:100%;border:1px solid #ddd}
.note{color:#9a6700}
h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.6em}`;

/**
 * The self-contained report of a run: the verdict table at the top, then one section per claim
 * with its chart (Vega-Lite rendered to SVG at build time), tables, feature grids as embedded
 * PNGs. It opens offline: nothing is loaded from elsewhere.
 */
export async function reportHtml(results: Results, facts: RunFacts, figures: readonly ReportFigure[]): Promise<string> {
  const sections: string[] = [];
  for (const id of ClaimIds) sections.push(await claimSection(id, results.claims[id]));
  sections.push(checksSection(results));
  const figs = figures
    .map(
      (f) =>
        `<figure><figcaption><strong>${esc(f.title)}</strong>${f.caption ? ` — ${esc(f.caption)}` : ''}</figcaption><img class="grid" alt="${esc(f.title)}" src="data:image/png;base64,${Buffer.from(f.png).toString('base64')}"></figure>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Orbitscope report</title><style>${STYLE}</style></head><body>
<h1>Orbitscope report</h1>
<p>Claims of Paul &amp; Venkatasubramanian (arXiv 1412.6621), tested as experiments. Orbitscope ${esc(results.version)}. Each claim about learning is judged on trained minus a declared control, computed in the same run by the same code.</p>
${verdictTable(results)}
<h2>Run</h2>${table(facts.rows.map(([k, v]) => ({ what: k, value: v })))}
${trainingSection(results)}
${sections.join('\n')}
<h2>Features</h2>${figs || '<p><em>No feature grids.</em></p>'}
</body></html>
`;
}
