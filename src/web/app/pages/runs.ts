import { fetchRuns } from '../api.js';
import { el, verdictBadge } from '../dom.js';
import { ClaimIds } from '../../../results/index.js';

const CLAIMS = ClaimIds;

/** The runs the server offers, with their verdicts; pick one to open or two to compare. */
export async function runsPage(root: HTMLElement): Promise<void> {
  const runs = await fetchRuns();
  root.append(el('h2', {}, 'Runs'));
  if (runs.length === 0) {
    root.append(el('p', { class: 'muted' }, 'No runs found in the directories given to `orbitscope serve`.'));
    return;
  }
  const chosen = new Set<string>();
  const compare = el('button', { disabled: true, 'data-testid': 'compare' }, 'Compare the two selected runs');
  compare.addEventListener('click', () => {
    const [a, b] = [...chosen];
    location.hash = `#/compare/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
  });
  const table = el('table', { 'data-testid': 'runs' }, el('tr', {}, el('th', {}, ''), el('th', {}, 'run'), ...CLAIMS.map((c) => el('th', {}, c)), el('th', {}, '')));
  for (const r of runs) {
    const box = el('input', { type: 'checkbox', 'aria-label': `select ${r.name}` });
    box.addEventListener('change', () => {
      if (box.checked) chosen.add(r.id);
      else chosen.delete(r.id);
      compare.disabled = chosen.size !== 2;
    });
    const id = encodeURIComponent(r.id);
    table.append(
      el(
        'tr',
        { 'data-run': r.id },
        el('td', {}, box),
        el('td', {}, el('a', { href: `#/run/${id}/layer` }, r.name), r.error ? el('div', { class: 'muted' }, r.error) : null),
        ...CLAIMS.map((c) => el('td', {}, verdictBadge(r.verdicts[c]))),
        el('td', {}, el('a', { href: `#/run/${id}/layer` }, 'layers'), ' · ', el('a', { href: `#/run/${id}/claims` }, 'claims')),
      ),
    );
  }
  root.append(table, el('p', {}, compare));
}
