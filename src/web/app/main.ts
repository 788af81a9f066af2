/**
 * The Orbitscope explorer: hash routes over the runs the server lists.
 * #/                          runs
 * #/run/<id>/layer?...        layer view (seed, layer, snap, metric)
 * #/run/<id>/feature?...      feature view (seed, layer, unit, snap)
 * #/run/<id>/claims           the claims' charts
 * #/compare/<a>/<b>           two runs side by side
 */
import './style.css';
import { hideTooltip } from './chart.js';
import { el } from './dom.js';
import { claimsPage } from './pages/claims.js';
import { comparePage } from './pages/compare.js';
import { featurePage } from './pages/feature.js';
import { layerPage } from './pages/layer.js';
import { runsPage } from './pages/runs.js';

/** Cleanup hook of the page on screen (stops animations). */
let cleanup: (() => void) | undefined;

async function route(): Promise<void> {
  // pages rewrite their own hash (replaceState) as controls move; report the route that was opened
  const opened = location.hash || '#/';
  cleanup?.();
  cleanup = undefined;
  hideTooltip();
  const root = document.getElementById('app')!;
  const crumbs = document.getElementById('crumbs')!;
  root.replaceChildren();
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  crumbs.replaceChildren(el('a', { href: '#/' }, 'Runs'));
  try {
    if (parts[0] === 'run' && parts[1]) {
      const id = parts[1];
      crumbs.append(
        el('a', { href: `#/run/${encodeURIComponent(id)}/layer` }, `${id}: layers`),
        el('a', { href: `#/run/${encodeURIComponent(id)}/claims` }, 'claims'),
      );
      if (parts[2] === 'feature') cleanup = await featurePage(root, id, params);
      else if (parts[2] === 'claims') await claimsPage(root, id);
      else await layerPage(root, id, params);
    } else if (parts[0] === 'compare' && parts[1] && parts[2]) {
      await comparePage(root, parts[1], parts[2]);
    } else {
      await runsPage(root);
    }
  } catch (e) {
    root.append(el('p', { class: 'error' }, `Could not show this page: ${(e as Error).message}`));
  }
  document.body.dataset.ready = opened;
}

window.addEventListener('hashchange', () => void route());
void route();
