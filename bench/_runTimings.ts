// Shared by bench/start.ts and bench/runStages.ts: one `orbitscope run` in a child process with
// its wall time and results.json's timings (bench/_shared.ts sums them per stage).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Round to 2 decimals (seconds in the JSON lines). */
export const round = (x: number) => Math.round(x * 100) / 100;

/** One run's wall time, results.json's timings (seconds) and its seed count. */
export interface TimedRun {
  readonly seconds: number;
  readonly timings: Record<string, number>;
  readonly seeds: number;
}

/** Run `orbitscope run --quiet ARGS` into a fresh temporary directory (removed afterwards); exits the bench on failure. */
export function timedRun(args: readonly string[], bench: string): TimedRun {
  const out = join(mkdtempSync(join(tmpdir(), `orbitscope-bench-${bench}-`)), 'run');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'bin', 'orbitscope.mjs'), 'run', '--quiet', ...args, '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    process.stderr.write(`bench ${bench}: orbitscope run ${args.join(' ')} exited with ${r.status}\n`);
    process.exit(1);
  }
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
  rmSync(join(out, '..'), { recursive: true, force: true });
  return { seconds, timings: results.timings, seeds: results.config.seeds.length };
}
