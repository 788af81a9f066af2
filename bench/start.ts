// `npm start` end to end (issue 13: shapes, >= 10 seeds, every control, under 120 s on 2 cores):
// runs the default `orbitscope run` in a child process into a fresh directory and prints one JSON
// line with the wall time, the time per stage summed over seeds (from results.json's timings), the
// budget, and the ratio against a reference measured in the same process just before (a fixed
// single-threaded arithmetic loop), so that a busy machine shows as a slow reference too.
// Prints {"bench":"start","seconds","budgetSeconds","stages":{...},"referenceSeconds","ratioToReference","seeds","load1"}.
import { loadavg } from 'node:os';
import { referenceSeconds, stageSeconds } from './_shared.js';
import { round, timedRun } from './_runTimings.js';

const ref = referenceSeconds();
const run = timedRun([], 'start');
console.log(
  JSON.stringify({ bench: 'start', seconds: round(run.seconds), budgetSeconds: 120, stages: stageSeconds(run.timings), referenceSeconds: round(ref), ratioToReference: round(run.seconds / ref), seeds: run.seeds, load1: round(loadavg()[0]) }),
);
