// Runs one benchmark by name (`npm run bench -- matmul`) or, with no name, every benchmark in
// this folder; each prints one JSON line. Benchmarks run in child processes so that one's
// warm caches and threads do not flatter the next.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const all = readdirSync(here).filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_')).map((f) => f.slice(0, -3));
// `run` is this runner's own name, so the run bench lives in runStages.ts
const ALIASES: Record<string, string> = { run: 'runStages' };
const wanted = process.argv.slice(2).map((w) => ALIASES[w] ?? w);
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  process.stderr.write(`bench: unknown benchmark ${unknown.join(', ')}; available: ${all.join(', ')}\n`);
  process.exit(2);
}
let failed = 0;
for (const name of wanted.length ? wanted : all) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${here}${name}.ts`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
