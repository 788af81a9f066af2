/** Data access: the server's run list and the files of a run (results.json, features/*.npy, units/*.parquet). */
import { parseNpy } from '../../data/npy.js';
import type { FeatureResult, Results } from '../../experiments/results.js';
import { readUnitTable, unitTablePath } from '../../experiments/unitTable.js';

export interface RunSummary {
  id: string;
  name: string;
  verdicts: Record<string, string>;
  error?: string;
}

export interface FeatureIndex {
  height: number;
  width: number;
  seeds: number[];
  /** Imported networks give each layer its own image size (receptive fields grow with depth). */
  layers: { layer: number; units: number; height?: number; width?: number }[];
  snapshots: { index: number; step: number; epoch: number }[];
}

export interface Run {
  id: string;
  results: Results | null;
  index: FeatureIndex | null;
}

async function json<T>(url: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return (await r.json()) as T;
}

export const fetchRuns = (): Promise<RunSummary[]> => json('api/runs');

/** One promise per URL: each file of a run is fetched once per page load. */
function cached<T>(cache: Map<string, Promise<T>>, url: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(url);
  if (!p) cache.set(url, (p = load()));
  return p;
}

const runBase = (id: string) => `runs/${encodeURIComponent(id)}/`;
const indexes = new Map<string, Promise<FeatureIndex | null>>();
const summaries = new Map<string, Promise<Results | null>>();

/** features/index.json of a run (cached; null when missing): all the layer view needs before its tiles. */
export function loadIndex(id: string): Promise<FeatureIndex | null> {
  const url = `${runBase(id)}features/index.json`;
  return cached(indexes, url, () => json<FeatureIndex>(url).catch(() => null));
}

/** results.json of a run, the summary (cached; null when missing). */
export function loadResults(id: string): Promise<Results | null> {
  const url = `${runBase(id)}results.json`;
  return cached(summaries, url, () => json<Results>(url).catch(() => null));
}

/** results.json and features/index.json of a run (cached; null where a file is missing). */
export async function loadRun(id: string): Promise<Run> {
  const [results, index] = await Promise.all([loadResults(id), loadIndex(id)]);
  return { id, results, index };
}

const tables = new Map<string, Promise<FeatureResult[] | null>>();

/**
 * The per-unit, per-snapshot records of one seed and layer, from the run's Parquet table
 * (cached); null when the run has none (an imported network, a run still in progress).
 */
export function loadUnits(id: string, seed: number, layer: number): Promise<FeatureResult[] | null> {
  const url = `${runBase(id)}${unitTablePath(seed, layer)}`;
  return cached(tables, url, async () => {
    const r = await fetch(url);
    if (r.status === 404) return null;
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return readUnitTable(await r.arrayBuffer());
  });
}

const snaps = new Map<string, Promise<Float32Array>>();

/** All feature images of one seed, layer and snapshot: (units, h, w) float32. */
export function loadSnapshot(id: string, seed: number, layer: number, k: number): Promise<Float32Array> {
  const url = `${runBase(id)}features/seed-${seed}/layer-${layer}/snapshot-${k}.npy`;
  return cached(snaps, url, async () => {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return parseNpy(new Uint8Array(await r.arrayBuffer()), url).data;
  });
}

/** The record of a unit at snapshot k among one seed and layer's records, or its latest earlier one; null if none. */
export function featureRecord(records: readonly FeatureResult[] | null, unit: number, k: number): FeatureResult | null {
  let best: FeatureResult | null = null;
  for (const f of records ?? []) {
    if (f.unit !== unit || f.snapshot.index > k) continue;
    if (!best || f.snapshot.index > best.snapshot.index) best = f;
  }
  return best;
}
