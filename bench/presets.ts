// Wall time of `orbitscope run --preset P` end to end, per preset (issue 14: shapes, gl2, mnist,
// natural). Presets from ORBITSCOPE_BENCH_PRESETS (comma-separated; default "shapes,gl2": mnist
// and natural take many minutes). Each run goes in a child process into a fresh directory; the
// stages summed over seeds come from results.json's timings; the reference loop runs once first.
// Prints {"bench":"presets","presets":{P:{"seconds","stages","seeds","C2"}},"referenceSeconds","ratiosToReference":{P:r},"load1"}.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { referenceSeconds, stageSeconds } from './_shared.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const presets = (process.env.ORBITSCOPE_BENCH_PRESETS ?? 'shapes,gl2').split(',').map((s) => s.trim()).filter(Boolean);
const round = (x: number) => Math.round(x * 100) / 100;

const ref = referenceSeconds();
const out: Record<string, { seconds: number; stages: Record<string, number>; seeds: number; C2: string }> = {};
for (const preset of presets) {
  const dir = mkdtempSync(join(tmpdir(), `orbitscope-bench-${preset}-`));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'bin', 'orbitscope.mjs'), 'run', '--preset', preset, '--quiet', '--out', join(dir, 'run')], { stdio: ['ignore', 'ignore', 'inherit'] });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    process.stderr.write(`bench presets: orbitscope run --preset ${preset} exited with ${r.status}\n`);
    process.exit(1);
  }
  const results = JSON.parse(readFileSync(join(dir, 'run', 'results.json'), 'utf8'));
  const stages = stageSeconds(results.timings);
  out[preset] = { seconds: round(seconds), stages, seeds: results.config.seeds.length, C2: results.claims.C2.verdict };
  rmSync(dir, { recursive: true, force: true });
}
const ratios = Object.fromEntries(Object.entries(out).map(([p, o]) => [p, round(o.seconds / ref)]));
console.log(JSON.stringify({ bench: 'presets', presets: out, referenceSeconds: round(ref), ratiosToReference: ratios, load1: round(loadavg()[0]) }));
