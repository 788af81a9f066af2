import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** The smallest cells that still run every stage: one seed, one epoch, one layer of 8, p4m only. */
export const TINY_BASE = { quick: true, seeds: 1, epochs: 1, layers: [8], groups: ['p4m'], draws: 500, evalCount: 50 };

/** Write a sweep file of 8 tiny cells (model x lr x batch) into `dir`; returns its path. */
export function writeEightCellGrid(dir: string, name = 'sweep.yaml'): string {
  const path = join(dir, name);
  writeFileSync(path, stringify({ base: TINY_BASE, grid: { model: ['ae', 'rbm'], lr: [0.01, 0.03], batch: [16, 32] } }));
  return path;
}

/** A cell's results.json without its timings (the one field that may differ between reruns). */
export function resultsWithoutTimings(dir: string): unknown {
  const r = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
  delete r.timings;
  return r;
}

const line = (t: string) => (t.endsWith('\n') ? t : `${t}\n`);

/** Capturing Io for the CLI's main(), one line per call as on a terminal. */
export function capture() {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += line(t)), err: (t: string) => void (io.stderr += line(t)) };
  return io;
}
