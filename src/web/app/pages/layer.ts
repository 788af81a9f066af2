import { loadIndex } from '../api.js';
import { el, loadingIndicator, setLoading } from '../dom.js';
import { defaultMetric, layerGrid, loadGridData, metricsOf, type Metric } from './layerGrid.js';

/**
 * Layer view: the feature grid of a layer at a snapshot, a snapshot slider, a colour metric. It
 * fetches only features/index.json, the layer's unit table and the snapshot's images (never the
 * whole results.json), with a loading indicator while they come.
 */
export async function layerPage(root: HTMLElement, id: string, params: URLSearchParams): Promise<void> {
  root.append(el('h2', {}, `${id}: features by layer`));
  const loading = loadingIndicator();
  root.append(loading);
  setLoading(loading, 'the run index');
  const idx = await loadIndex(id);
  if (!idx) {
    setLoading(loading, null);
    root.append(el('p', { class: 'error' }, 'This run has no features/index.json (feature images not written yet).'));
    return;
  }
  const state = {
    seed: Number(params.get('seed') ?? idx.seeds[0]),
    layer: Number(params.get('layer') ?? idx.layers[0]?.layer ?? 1),
    snap: Number(params.get('snap') ?? idx.snapshots.length - 1),
    metric: params.get('metric') ?? '',
  };
  const seedSel = el('select', { 'data-testid': 'seed' }, ...idx.seeds.map((s) => el('option', { value: s, selected: s === state.seed }, String(s))));
  const layerSel = el('select', { 'data-testid': 'layer' }, ...idx.layers.map((l) => el('option', { value: l.layer, selected: l.layer === state.layer }, `${l.layer} (${l.units} units)`)));
  // the metrics come from the unit table: filled once the first table is in
  const metricSel = el('select', { 'data-testid': 'metric' });
  let metrics: Metric[] = [];
  const slider = el('input', { type: 'range', min: 0, max: idx.snapshots.length - 1, step: 1, value: state.snap, 'data-testid': 'snapshot' });
  const snapLabel = el('span', { class: 'readout' });
  const holder = el('div');
  // controls above the indicator, the grid below it
  loading.before(el('div', { class: 'controls' }, el('label', {}, 'seed', seedSel), el('label', {}, 'layer', layerSel), el('label', {}, 'snapshot', slider, snapLabel), el('label', {}, 'colour', metricSel)));
  loading.after(holder);
  const setMetrics = (next: Metric[]) => {
    if (next.map((m) => m.key).join() === metrics.map((m) => m.key).join()) return;
    metrics = next;
    if (!metrics.some((m) => m.key === state.metric)) state.metric = defaultMetric(metrics)?.key ?? '';
    metricSel.replaceChildren(...metrics.map((m) => el('option', { value: m.key, selected: m.key === state.metric }, m.label)));
  };
  let token = 0;
  const draw = async () => {
    const my = ++token;
    const s = idx.snapshots[state.snap];
    snapLabel.textContent = `${state.snap} (step ${s?.step}, epoch ${s?.epoch})`;
    // the last grid stays on screen until the new one is ready
    setLoading(loading, `seed ${state.seed}, layer ${state.layer}, snapshot ${state.snap}`);
    try {
      const data = await loadGridData(id, state.seed, state.layer, state.snap);
      if (my !== token) return;
      setMetrics(metricsOf(data.records));
      history.replaceState(null, '', `#/run/${encodeURIComponent(id)}/layer?seed=${state.seed}&layer=${state.layer}&snap=${state.snap}&metric=${encodeURIComponent(state.metric)}`);
      const grid = layerGrid(
        {
          index: idx,
          layer: state.layer,
          k: state.snap,
          metric: metrics.find((m) => m.key === state.metric),
          zoom: 4,
          onPick: (u) => {
            location.hash = `#/run/${encodeURIComponent(id)}/feature?seed=${state.seed}&layer=${state.layer}&unit=${u}&snap=${state.snap}`;
          },
        },
        data,
      );
      holder.replaceChildren(grid);
    } catch (e) {
      if (my === token) holder.replaceChildren(el('p', { class: 'error' }, `Could not load this grid: ${(e as Error).message}`));
    } finally {
      if (my === token) setLoading(loading, null);
    }
  };
  seedSel.addEventListener('change', () => ((state.seed = Number(seedSel.value)), void draw()));
  layerSel.addEventListener('change', () => ((state.layer = Number(layerSel.value)), void draw()));
  metricSel.addEventListener('change', () => ((state.metric = metricSel.value), void draw()));
  slider.addEventListener('input', () => ((state.snap = Number(slider.value)), void draw()));
  await draw();
}
