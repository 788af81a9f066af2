import { loadRun, type Run } from '../api.js';
import { el, fmt, fmtInterval, MISSING, loadingIndicator, setLoading, verdictBadge } from '../dom.js';
import { defaultMetric, gridValues, layerGrid, loadGridData, metricsOf, scaleLegend, valueScale, type GridData, type Metric } from './layerGrid.js';
import { ClaimIds } from '../../../results/index.js';

/** A run's configuration as flat rows: nested keys joined with ".", lists with ", ". */
export function configRows(config: unknown, prefix = ''): [string, string][] {
  if (config === null || config === undefined) return prefix ? [[prefix, MISSING]] : [];
  if (Array.isArray(config)) return [[prefix, config.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(', ')]];
  if (typeof config === 'object') return Object.entries(config).flatMap(([k, v]) => configRows(v, prefix ? `${prefix}.${k}` : k));
  return [[prefix, String(config)]];
}

/** Both runs' configurations in one table, a row per option, the rows that differ marked. */
function configTable(runs: readonly Run[]): HTMLElement {
  const rows = runs.map((r) => new Map(configRows(r.results?.config ?? null)));
  const keys = [...new Set(rows.flatMap((m) => [...m.keys()]))];
  const table = el('table', { class: 'configs', 'data-testid': 'configs' }, el('tr', {}, el('th', {}, 'option'), ...runs.map((r) => el('th', {}, r.id))));
  const differing: string[] = [];
  for (const key of keys) {
    const values = rows.map((m) => m.get(key) ?? MISSING);
    const differs = values.some((v) => v !== values[0]);
    if (differs) differing.push(key);
    const cls = differs ? 'differs' : undefined;
    table.append(el('tr', { 'data-key': key, 'data-differs': differs }, el('th', { class: cls }, key), ...values.map((v) => el('td', { class: cls }, v))));
  }
  const summary = differing.length ? `${differing.length} option${differing.length > 1 ? 's' : ''} differ${differing.length > 1 ? '' : 's'} (marked): ${differing.join(', ')}` : 'The two configurations are the same.';
  return el('div', {}, el('p', { 'data-testid': 'config-summary' }, summary), table);
}

/** The grid each run shows: its first seed's first layer at its last snapshot. */
interface RunGrid {
  readonly seed: number;
  readonly layer: number;
  readonly k: number;
  readonly units: number;
  readonly data: GridData;
}

async function runGrid(run: Run): Promise<RunGrid | null> {
  const index = run.index;
  if (!index || !index.layers.length) return null;
  const seed = index.seeds[0];
  const { layer, units } = index.layers[0];
  const k = index.snapshots.length - 1;
  return { seed, layer, k, units, data: await loadGridData(run.id, seed, layer, k) };
}

/**
 * Two runs side by side: both configurations in one table (differences marked), verdicts with
 * statistics, and each run's first layer at its last snapshot, coloured by one metric on ONE
 * scale over both runs, so that a colour means the same value in either.
 */
export async function comparePage(root: HTMLElement, a: string, b: string): Promise<void> {
  root.append(el('h2', {}, `Compare ${a} and ${b}`));
  const loading = loadingIndicator();
  root.append(loading);
  setLoading(loading, 'both runs');
  const runs = await Promise.all([a, b].map(loadRun));
  const grids = await Promise.all(runs.map(runGrid));
  setLoading(loading, null);
  // one metric both runs have (else the first run's), and one scale over both runs' values
  const perRun = grids.map((g) => metricsOf(g?.data.records ?? null));
  const shared = perRun[0].filter((m) => perRun[1].some((n) => n.key === m.key));
  const metric: Metric | undefined = defaultMetric(shared.length ? shared : perRun[0]);
  const scale = valueScale(grids.flatMap((g) => (g ? gridValues(g.data, g.units, g.k, metric).values : [])));
  root.append(el('h3', {}, 'Configurations'), configTable(runs));
  if (metric) root.append(el('h3', {}, 'Colour scale (both runs)'), el('div', { 'data-testid': 'shared-scale' }, scaleLegend(metric, scale, 'one scale over both runs: the same value has the same colour in each')));
  const panels = el('div', { class: 'compare' });
  root.append(panels);
  runs.forEach((run, i) => {
    const id = run.id;
    const col = el('div', { class: 'panel', 'data-run': id }, el('h3', {}, el('a', { href: `#/run/${encodeURIComponent(id)}/layer` }, id)));
    const table = el('table', {}, el('tr', {}, el('th', {}, 'claim'), el('th', {}, 'verdict'), el('th', {}, 'statistic'), el('th', {}, '95% CI'), el('th', {}, 'n')));
    for (const c of ClaimIds) {
      const cl = run.results?.claims[c];
      table.append(el('tr', {}, el('td', {}, `${c} ${cl?.title ?? ''}`), el('td', {}, verdictBadge(cl?.verdict)), el('td', {}, fmt(cl?.statistic)), el('td', {}, fmtInterval(cl?.ci)), el('td', {}, String(cl?.n ?? MISSING))));
    }
    col.append(table);
    const g = grids[i];
    if (g && run.index) {
      const onPick = (u: number) => {
        location.hash = `#/run/${encodeURIComponent(id)}/feature?seed=${g.seed}&layer=${g.layer}&unit=${u}&snap=${g.k}`;
      };
      col.append(el('h3', {}, `seed ${g.seed}, layer ${g.layer}, last snapshot`), layerGrid({ index: run.index, layer: g.layer, k: g.k, metric, zoom: 3, onPick, scale }, g.data));
    }
    panels.append(col);
  });
}
