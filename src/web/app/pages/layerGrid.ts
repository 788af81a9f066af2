import { featureRecord, loadSnapshot, type Run } from '../api.js';
import { el, fmt } from '../dom.js';
import { drawImage, maxAbs, viridis, VIRIDIS_GRADIENT } from '../render.js';
import type { FeatureResult } from '../../../experiments/results.js';
import { ORBIT_MEASURES, orbitMeasure, orbitNumbersFromJson, type OrbitMeasureField } from '../../../results/orbitNumbers.js';
import { orbitValue } from '../../../experiments/claims/shared/orbitValue.js';

/** A colour metric over features: "group.field" of results.features[].orbits, numeric. */
export interface Metric {
  key: string;
  label: string;
  value: (f: FeatureResult) => number | null;
}

/** Every numeric orbit field found in the run's features (orbit sizes, stabilizer orders and dimensions). */
export function metricsOf(run: Run): Metric[] {
  const keys = new Set<string>();
  for (const f of run.results?.features ?? []) {
    for (const [g, rec] of Object.entries(orbitNumbersFromJson(f.orbits))) {
      for (const k of ORBIT_MEASURES[rec.kind]) if (orbitMeasure(rec, k) !== null) keys.add(`${g}.${k}`);
    }
  }
  return [...keys].sort().map((key) => {
    const [g, k] = key.split('.') as [string, OrbitMeasureField];
    return { key, label: `${g} ${k.replace(/([A-Z])/g, ' $1').toLowerCase()}`, value: (f) => orbitValue(f, { group: g, field: k }) };
  });
}

/** Draw the feature grid of (seed, layer, snapshot k) into `root`, tiles coloured by `metric`. */
export async function layerGrid(run: Run, seed: number, layer: number, k: number, metric: Metric | undefined, zoom: number, onPick: (unit: number) => void): Promise<HTMLElement> {
  const index = run.index!;
  const entry = index.layers.find((l) => l.layer === layer);
  const h = entry?.height ?? index.height;
  const w = entry?.width ?? index.width;
  const units = entry?.units ?? 0;
  const data = await loadSnapshot(run.id, seed, layer, k);
  const recs = Array.from({ length: units }, (_, u) => featureRecord(run.results, seed, layer, u, k));
  const values = recs.map((r) => (r && metric ? metric.value(r) : null));
  const finite = values.filter((v): v is number => v !== null);
  // log scale for orbit sizes spanning decades, linear otherwise
  const useLog = finite.length > 0 && Math.min(...finite) > 0 && Math.max(...finite) / Math.min(...finite) > 20;
  const tr = (v: number) => (useLog ? Math.log(v) : v);
  const lo = finite.length ? Math.min(...finite.map(tr)) : 0;
  const hi = finite.length ? Math.max(...finite.map(tr)) : 1;
  const range = maxAbs(data);
  const grid = el('div', { class: 'grid', 'data-testid': 'grid' });
  for (let u = 0; u < units; u++) {
    const c = el('canvas');
    drawImage(c, data.subarray(u * h * w, (u + 1) * h * w), h, w, zoom, range);
    const v = values[u];
    const colour = v === null ? '#ccc' : viridis(hi > lo ? (tr(v) - lo) / (hi - lo) : 0.5);
    const stale = recs[u] && recs[u]!.snapshot.index !== k ? ` (from snapshot ${recs[u]!.snapshot.index})` : '';
    const tile = el('div', { class: 'tile', style: `border-color:${colour}`, 'data-unit': u, title: `unit ${u}${metric ? `: ${metric.label} ${fmt(v)}${stale}` : ''}` }, c, el('span', {}, `${u}${v === null ? '' : ` · ${fmt(v, Number.isInteger(v) ? 0 : 2)}`}`));
    tile.addEventListener('click', () => onPick(u));
    grid.append(tile);
  }
  const legend = metric
    ? el('div', { class: 'legend' }, el('span', {}, metric.label + (useLog ? ' (log scale)' : '')), el('span', {}, fmt(useLog ? Math.exp(lo) : lo, 0)), el('div', { class: 'bar', style: `background:${VIRIDIS_GRADIENT}` }), el('span', {}, fmt(useLog ? Math.exp(hi) : hi, 0)), finite.length < units ? el('span', { class: 'muted' }, `(${units - finite.length} units without results: grey)`) : null)
    : el('div', { class: 'legend muted' }, 'results.json has no orbit numbers for this layer');
  return el('div', {}, legend, grid);
}
