/** Data access: the server's run list and the files of a run (results.json, features/*.npy). */
import { parseNpy } from '../../data/npy.js';
import type { FeatureResult, Results } from '../../experiments/results.js';

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

const runs = new Map<string, Promise<Run>>();

/** results.json and features/index.json of a run (cached; null where a file is missing). */
export function loadRun(id: string): Promise<Run> {
  let p = runs.get(id);
  if (!p) {
    const base = `runs/${encodeURIComponent(id)}/`;
    p = Promise.all([json<Results>(`${base}results.json`).catch(() => null), json<FeatureIndex>(`${base}features/index.json`).catch(() => null)]).then(([results, index]) => ({ id, results, index }));
    runs.set(id, p);
  }
  return p;
}

const snaps = new Map<string, Promise<Float32Array>>();

/** All feature images of one seed, layer and snapshot: (units, h, w) float32. */
export function loadSnapshot(id: string, seed: number, layer: number, k: number): Promise<Float32Array> {
  const url = `runs/${encodeURIComponent(id)}/features/seed-${seed}/layer-${layer}/snapshot-${k}.npy`;
  let p = snaps.get(url);
  if (!p) {
    p = fetch(url).then(async (r) => {
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return parseNpy(new Uint8Array(await r.arrayBuffer()), url).data;
    });
    snaps.set(url, p);
  }
  return p;
}

/** The results.json record of a feature at snapshot k, or the latest earlier one; null if none. */
export function featureRecord(results: Results | null, seed: number, layer: number, unit: number, k: number): FeatureResult | null {
  if (!results) return null;
  let best: FeatureResult | null = null;
  for (const f of results.features) {
    if (f.seed !== seed || f.layer !== layer || f.unit !== unit || f.snapshot.index > k) continue;
    if (!best || f.snapshot.index > best.snapshot.index) best = f;
  }
  return best;
}
