// `npm run bench -- run` (issue 19): wall time per stage (data, train, analyse, claims, report)
// of the default run (`npm start`: shapes, 10 seeds, every control) and of the MNIST preset,
// each in a child process into a fresh directory, from results.json's timings summed over seeds
// ("train" is the greedy stack plus its linear twin). Beside them, the seconds of a fixed
// reference loop measured in the same process just before each run, so that a loaded machine
// shows as a slow reference too, and the load average after each run. Seeds run `concurrency` at
// a time (run's default: one process per core), so the per-seed stages add up to more than the
// wall time of the seeds together ("seeds").
// BENCH_RUN_PRESETS=shapes (or mnist) runs one of the two; BENCH_RUN_CONCURRENCY=1 runs the seeds
// one at a time (run --concurrency 1) for comparison.
// Prints {"bench":"run","runs":[{"preset","seconds","seeds","concurrency","analyzePerSeed","trainPerSeed","seedsWallPerSeed","stages":{...},"referenceSeconds","ratioToReference","load1"}, ...]}.
import { availableParallelism, loadavg } from 'node:os';
import { referenceSeconds, stageSeconds } from './_shared.js';
import { round, timedRun } from './_runTimings.js';

const PRESETS = ['shapes', 'mnist'] as const;
const wanted = (process.env.BENCH_RUN_PRESETS ?? PRESETS.join(',')).split(',').map((s) => s.trim());
const unknown = wanted.filter((p) => !(PRESETS as readonly string[]).includes(p));
if (unknown.length) {
  process.stderr.write(`bench run: BENCH_RUN_PRESETS: unknown preset ${unknown.join(', ')}; use ${PRESETS.join(', ')}\n`);
  process.exit(2);
}

const runs = wanted.map((preset) => {
  const ref = referenceSeconds();
  const run = timedRun([...(preset === 'shapes' ? [] : ['--preset', preset]), ...(process.env.BENCH_RUN_CONCURRENCY ? ['--concurrency', process.env.BENCH_RUN_CONCURRENCY] : [])], 'run');
  const concurrency = Number(process.env.BENCH_RUN_CONCURRENCY ?? Math.min(run.seeds, availableParallelism()));
  // the greedy stack and its linear twin are both training
  const stages: Record<string, number> = {};
  for (const [k, v] of Object.entries(stageSeconds(run.timings))) {
    const stage = k.startsWith('train') ? 'train' : k;
    stages[stage] = round((stages[stage] ?? 0) + v);
  }
  const perSeed = (stage: string) => round((stages[stage] ?? 0) / run.seeds);
  // results.json's stage is spelt 'analyse' ('analyse seed S'); the field name is the code's spelling
  return { preset, seconds: round(run.seconds), seeds: run.seeds, concurrency, analyzePerSeed: perSeed('analyse'), trainPerSeed: perSeed('train'), seedsWallPerSeed: perSeed('seeds'), stages, referenceSeconds: round(ref), ratioToReference: round(run.seconds / ref), load1: round(loadavg()[0]) };
});
console.log(JSON.stringify({ bench: 'run', runs }));
