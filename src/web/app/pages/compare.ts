import { loadRun } from '../api.js';
import { el, fmt, verdictBadge } from '../dom.js';
import { layerGrid, metricsOf } from './layerGrid.js';
import { ClaimIds } from '../../../results/index.js';

/** Two runs side by side: verdicts with statistics, and each run's first layer at its last snapshot. */
export async function comparePage(root: HTMLElement, a: string, b: string): Promise<void> {
  root.append(el('h2', {}, `Compare ${a} and ${b}`));
  const grid = el('div', { class: 'compare' });
  root.append(grid);
  for (const id of [a, b]) {
    const run = await loadRun(id);
    const col = el('div', { class: 'panel', 'data-run': id }, el('h3', {}, el('a', { href: `#/run/${encodeURIComponent(id)}/layer` }, id)));
    const table = el('table', {}, el('tr', {}, el('th', {}, 'claim'), el('th', {}, 'verdict'), el('th', {}, 'statistic'), el('th', {}, '95% CI'), el('th', {}, 'n')));
    for (const c of ClaimIds) {
      const cl = run.results?.claims[c];
      table.append(el('tr', {}, el('td', {}, `${c} ${cl?.title ?? ''}`), el('td', {}, verdictBadge(cl?.verdict)), el('td', {}, fmt(cl?.statistic)), el('td', {}, cl?.ci ? `[${fmt(cl.ci[0])}, ${fmt(cl.ci[1])}]` : '-'), el('td', {}, String(cl?.n ?? '-'))));
    }
    col.append(table);
    if (run.index) {
      const seed = run.index.seeds[0];
      const layer = run.index.layers[0].layer;
      const k = run.index.snapshots.length - 1;
      const metric = metricsOf(run).find((m) => /orbitSize/.test(m.key));
      col.append(el('h3', {}, `seed ${seed}, layer ${layer}, last snapshot`), await layerGrid(run, seed, layer, k, metric, 3, (u) => {
        location.hash = `#/run/${encodeURIComponent(id)}/feature?seed=${seed}&layer=${layer}&unit=${u}&snap=${k}`;
      }));
    }
    grid.append(col);
  }
}
