import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { createHash } from 'node:crypto';
import { atomicWrite } from '../core/atomicWrite.js';
import type { SeedAnalysis } from './analyzeSeed.js';
import type { DeepUnitView } from './deepUnitViews.js';

// A seed's analysis is most of a run's time (minutes a seed on MNIST), so each seed's analysed
// evidence is kept in the run directory as soon as it is done: a run killed during seed s's
// analysis starts again at seed s, not at the first seed. The file is V8's structured-clone
// serialisation (node:v8), which round-trips typed arrays, bigints, -0 and NaN exactly, so a
// resumed run writes the same results.json as an uninterrupted one.

/** What is kept of one analysed seed: its analysis, and the deep-unit views (first seed only). */
export interface SavedSeedAnalysis {
  readonly analysis: SeedAnalysis;
  readonly deepViews: readonly DeepUnitView[];
}

interface Envelope {
  readonly key: string;
  readonly saved: SavedSeedAnalysis;
}

/** Path of seed `seed`'s analysis checkpoint in run directory `out`. */
export function analysisCheckpointPath(out: string, seed: number): string {
  return join(out, 'analysis', `seed-${seed}.v8`);
}

/**
 * The identity a checkpoint must match to be reused: the run's configuration (options, dataset
 * hash, seeds) and the package version, hashed; anything else (another version of the analysis
 * code) recomputes the seed.
 */
export function analysisKey(runConfig: { readonly config: unknown; readonly dataset: { readonly hash: string }; readonly version: string }): string {
  return createHash('sha256').update(JSON.stringify([runConfig.config, runConfig.dataset.hash, runConfig.version])).digest('hex');
}

/** Save one seed's analysis atomically (a kill leaves the old file or the new one, never half). */
export function saveSeedAnalysis(out: string, seed: number, key: string, saved: SavedSeedAnalysis): void {
  mkdirSync(join(out, 'analysis'), { recursive: true });
  const envelope: Envelope = { key, saved };
  atomicWrite(analysisCheckpointPath(out, seed), serialize(envelope));
}

/** The saved analysis of `seed` when its checkpoint exists and matches `key`; null otherwise (then the seed is analysed again). */
export function loadSeedAnalysis(out: string, seed: number, key: string): SavedSeedAnalysis | null {
  const path = analysisCheckpointPath(out, seed);
  if (!existsSync(path)) return null;
  let envelope: Envelope;
  try {
    envelope = deserialize(readFileSync(path)) as Envelope;
  } catch {
    // unreadable (written by another Node version, or damaged outside Orbitscope): recompute
    return null;
  }
  if (envelope?.key !== key || envelope.saved?.analysis?.seed !== seed) return null;
  return envelope.saved;
}
