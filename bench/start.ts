// `npm start` end to end (issue 13: shapes, >= 10 seeds, every control, under 120 s on 2 cores):
// runs the default `orbitscope run` in a child process into a fresh directory and prints one JSON
// line with the wall time, the time per stage summed over seeds (from results.json's timings), the
// budget, and the ratio against a reference measured in the same process just before (a fixed
// single-threaded arithmetic loop), so that a busy machine shows as a slow reference too.
// Prints {"bench":"start","seconds","budgetSeconds","stages":{...},"referenceSeconds","ratioToReference","seeds","load1"}.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { referenceSeconds, stageSeconds } from './_shared.js';

const root = fileURLToPath(new URL('..', import.meta.url));

const ref = referenceSeconds();
const out = join(mkdtempSync(join(tmpdir(), 'orbitscope-bench-start-')), 'run');
const t0 = performance.now();
const r = spawnSync(process.execPath, [join(root, 'bin', 'orbitscope.mjs'), 'run', '--quiet', '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
const seconds = (performance.now() - t0) / 1000;
if (r.status !== 0) {
  process.stderr.write(`bench start: orbitscope run exited with ${r.status}\n`);
  process.exit(1);
}
const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
const stages = stageSeconds(results.timings);
rmSync(join(out, '..'), { recursive: true, force: true });
const round = (x: number) => Math.round(x * 100) / 100;
console.log(
  JSON.stringify({ bench: 'start', seconds: round(seconds), budgetSeconds: 120, stages, referenceSeconds: round(ref), ratioToReference: round(seconds / ref), seeds: results.config.seeds.length, load1: round(loadavg()[0]) }),
);
