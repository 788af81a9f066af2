// What the benchmarks share: the reference of their ratios and the stage sums (a leading underscore keeps bench/run.ts from
// running it as a benchmark of its own).

/** A fixed single-threaded workload (about 1 s on a quiet core), in seconds: a busy machine shows as a slow reference too. */
export function referenceSeconds(): number {
  const t0 = performance.now();
  let x = 0;
  for (let i = 0; i < 300_000_000; i++) x = (x + i * 1.000001) % 1000.5;
  if (x < 0) console.log(x);
  return (performance.now() - t0) / 1000;
}

/** results.json's timings summed over seeds per stage ("train seed 3" -> "train"), seconds to 0.01. */
export function stageSeconds(timings: Record<string, number>): Record<string, number> {
  const stages: Record<string, number> = {};
  for (const [k, v] of Object.entries(timings)) {
    if (k === 'total') continue;
    const stage = k.replace(/ seed \d+$/, '');
    stages[stage] = Math.round(((stages[stage] ?? 0) + v) * 100) / 100;
  }
  return stages;
}
