import { featureRecord, loadSnapshot, loadUnits, type FeatureIndex } from '../api.js';
import { el, fmt } from '../dom.js';
import { maxAbs } from '../../../core/linalg/maxAbs.js';
import { drawImage, viridisCss, VIRIDIS_GRADIENT } from '../render.js';
import type { FeatureResult } from '../../../experiments/results.js';
import { ORBIT_MEASURES, orbitMeasure, orbitNumbersFromJson, type OrbitMeasureField } from '../../../results/orbitNumbers.js';
import { orbitValue } from '../../../experiments/claims/shared/orbitValue.js';

/** A colour metric over features: "group.field" of a record's orbits, numeric. */
export interface Metric {
  key: string;
  label: string;
  value: (f: FeatureResult) => number | null;
}

/** Every numeric orbit field found in the records (orbit sizes, stabilizer orders and dimensions). */
export function metricsOf(records: readonly FeatureResult[] | null): Metric[] {
  const keys = new Set<string>();
  for (const f of records ?? []) {
    for (const [g, rec] of Object.entries(orbitNumbersFromJson(f.orbits))) {
      for (const k of ORBIT_MEASURES[rec.kind]) if (orbitMeasure(rec, k) !== null) keys.add(`${g}.${k}`);
    }
  }
  return [...keys].sort().map((key) => {
    const [g, k] = key.split('.') as [string, OrbitMeasureField];
    return { key, label: `${g} ${k.replace(/([A-Z])/g, ' $1').toLowerCase()}`, value: (f) => orbitValue(f, { group: g, field: k }) };
  });
}

/** The metric a grid opens with: an epsilon-orbit size, else an exact orbit size, else the first. */
export function defaultMetric(metrics: readonly Metric[]): Metric | undefined {
  return metrics.find((m) => /epsOrbitSize/.test(m.key)) ?? metrics.find((m) => /orbitSize/.test(m.key)) ?? metrics[0];
}

/** A colour scale of metric values: [lo, hi] after the log when `log`. */
export interface ValueScale {
  readonly lo: number;
  readonly hi: number;
  /** Log scale: every value positive and spanning more than a factor of 20 (orbit sizes span decades). */
  readonly log: boolean;
}

/** The scale over every value given (one grid's, or two runs' for a shared scale); null when none is a number. */
export function valueScale(values: readonly (number | null)[]): ValueScale | null {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return null;
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const log = min > 0 && max / min > 20;
  return log ? { lo: Math.log(min), hi: Math.log(max), log } : { lo: min, hi: max, log };
}

/** The border colour of a value on a scale (grey when there is no value). */
export function scaleColor(scale: ValueScale | null, v: number | null): string {
  if (v === null || scale === null) return '#ccc';
  const t = scale.log ? Math.log(v) : v;
  return viridisCss(scale.hi > scale.lo ? (t - scale.lo) / (scale.hi - scale.lo) : 0.5);
}

/** The legend of a scale: the metric, its range and the colour bar. */
export function scaleLegend(metric: Metric, scale: ValueScale | null, note?: string): HTMLElement {
  const end = (x: number) => fmt(scale?.log ? Math.exp(x) : x);
  return el('div', { class: 'legend', 'data-testid': 'legend' }, el('span', {}, metric.label + (scale?.log ? ' (log scale)' : '')), scale ? el('span', {}, end(scale.lo)) : null, el('div', { class: 'bar', style: `background:${VIRIDIS_GRADIENT}` }), scale ? el('span', {}, end(scale.hi)) : null, note ? el('span', { class: 'muted' }, note) : null);
}

/** What one grid draws: the images of (seed, layer, snapshot) and that layer's records (null when the run has no unit table). */
export interface GridData {
  readonly images: Float32Array;
  readonly records: FeatureResult[] | null;
}

/** Fetch a grid's images and records (each file once; the records of a layer serve every snapshot). */
export async function loadGridData(id: string, seed: number, layer: number, k: number): Promise<GridData> {
  const [images, records] = await Promise.all([loadSnapshot(id, seed, layer, k), loadUnits(id, seed, layer)]);
  return { images, records };
}

/** Each unit's record at snapshot k (or its latest earlier one) and its metric value. */
export function gridValues(data: GridData, units: number, k: number, metric: Metric | undefined): { records: (FeatureResult | null)[]; values: (number | null)[] } {
  const records = Array.from({ length: units }, (_, u) => featureRecord(data.records, u, k));
  return { records, values: records.map((r) => (r && metric ? metric.value(r) : null)) };
}

/** A grid to draw: where it is in the run, its colour metric and scale (its own values' when not given). */
export interface GridSpec {
  readonly index: FeatureIndex;
  readonly layer: number;
  readonly k: number;
  readonly metric: Metric | undefined;
  readonly zoom: number;
  readonly onPick: (unit: number) => void;
  /** A scale shared with other grids (the compare page's two runs); default: this grid's own values. */
  readonly scale?: ValueScale | null;
}

/** The feature grid of one layer at snapshot k, tiles bordered by the metric on the scale, with its legend. */
export function layerGrid(spec: GridSpec, data: GridData): HTMLElement {
  const { index, layer, k, metric, zoom } = spec;
  const entry = index.layers.find((l) => l.layer === layer);
  const h = entry?.height ?? index.height;
  const w = entry?.width ?? index.width;
  const units = entry?.units ?? 0;
  const { records, values } = gridValues(data, units, k, metric);
  const scale = spec.scale !== undefined ? spec.scale : valueScale(values);
  const range = maxAbs(data.images);
  const grid = el('div', { class: 'grid', 'data-testid': 'grid' });
  for (let u = 0; u < units; u++) {
    const c = el('canvas');
    drawImage(c, data.images.subarray(u * h * w, (u + 1) * h * w), h, w, zoom, range);
    const v = values[u];
    const stale = records[u] && records[u]!.snapshot.index !== k ? ` (from snapshot ${records[u]!.snapshot.index})` : '';
    const tile = el('div', { class: 'tile', style: `border-color:${scaleColor(scale, v)}`, 'data-unit': u, 'data-value': v ?? '', title: `unit ${u}${metric ? `: ${metric.label} ${fmt(v)}${stale}` : ''}` }, c, el('span', {}, `${u}${v === null ? '' : ` · ${fmt(v)}`}`));
    tile.addEventListener('click', () => spec.onPick(u));
    grid.append(tile);
  }
  const missing = values.filter((v) => v === null).length;
  const legend = metric
    ? scaleLegend(metric, scale, missing ? `(${missing} units without results: grey)` : undefined)
    : el('div', { class: 'legend muted' }, data.records ? 'the unit table has no orbit numbers for this layer' : 'this run has no unit table for this layer (no orbit numbers)');
  return el('div', {}, legend, grid);
}
