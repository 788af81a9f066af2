import { loadRun } from '../api.js';
import { el } from '../dom.js';
import { layerGrid, metricsOf } from './layerGrid.js';

/** Layer view: the feature grid of a layer at a snapshot, a snapshot slider, a colour metric. */
export async function layerPage(root: HTMLElement, id: string, params: URLSearchParams): Promise<void> {
  const run = await loadRun(id);
  root.append(el('h2', {}, `${id}: features by layer`));
  if (!run.index) {
    root.append(el('p', { class: 'error' }, 'This run has no features/index.json (feature images not written yet).'));
    return;
  }
  const idx = run.index;
  const metrics = metricsOf(run);
  const state = {
    seed: Number(params.get('seed') ?? idx.seeds[0]),
    layer: Number(params.get('layer') ?? idx.layers[0]?.layer ?? 1),
    snap: Number(params.get('snap') ?? idx.snapshots.length - 1),
    metric: params.get('metric') ?? metrics.find((m) => /epsOrbitSize/.test(m.key))?.key ?? metrics.find((m) => /orbitSize/.test(m.key))?.key ?? metrics[0]?.key ?? '',
  };
  const seedSel = el('select', { 'data-testid': 'seed' }, ...idx.seeds.map((s) => el('option', { value: s, selected: s === state.seed }, String(s))));
  const layerSel = el('select', { 'data-testid': 'layer' }, ...idx.layers.map((l) => el('option', { value: l.layer, selected: l.layer === state.layer }, `${l.layer} (${l.units} units)`)));
  const metricSel = el('select', { 'data-testid': 'metric' }, ...metrics.map((m) => el('option', { value: m.key, selected: m.key === state.metric }, m.label)));
  const slider = el('input', { type: 'range', min: 0, max: idx.snapshots.length - 1, step: 1, value: state.snap, 'data-testid': 'snapshot' });
  const snapLabel = el('span', { class: 'readout' });
  const holder = el('div');
  root.append(
    el('div', { class: 'controls' }, el('label', {}, 'seed', seedSel), el('label', {}, 'layer', layerSel), el('label', {}, 'snapshot', slider, snapLabel), el('label', {}, 'colour', metricSel)),
    holder,
  );
  let token = 0;
  const draw = async () => {
    const my = ++token;
    const s = idx.snapshots[state.snap];
    snapLabel.textContent = `${state.snap} (step ${s?.step}, epoch ${s?.epoch})`;
    history.replaceState(null, '', `#/run/${encodeURIComponent(id)}/layer?seed=${state.seed}&layer=${state.layer}&snap=${state.snap}&metric=${encodeURIComponent(state.metric)}`);
    const grid = await layerGrid(run, state.seed, state.layer, state.snap, metrics.find((m) => m.key === state.metric), 4, (u) => {
      location.hash = `#/run/${encodeURIComponent(id)}/feature?seed=${state.seed}&layer=${state.layer}&unit=${u}&snap=${state.snap}`;
    });
    if (my === token) holder.replaceChildren(grid);
  };
  seedSel.addEventListener('change', () => ((state.seed = Number(seedSel.value)), void draw()));
  layerSel.addEventListener('change', () => ((state.layer = Number(layerSel.value)), void draw()));
  metricSel.addEventListener('change', () => ((state.metric = metricSel.value), void draw()));
  slider.addEventListener('input', () => ((state.snap = Number(slider.value)), void draw()));
  await draw();
}
