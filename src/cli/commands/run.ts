import { availableParallelism } from 'node:os';
import { processIo, type Action } from '../program.js';
import { workReporter } from '../workReporter.js';
import { readConfigFile, resolveRunConfig } from '../../experiments/config.js';
import { runWithReport } from '../../report/runWithReport.js';
import { inOutputDirectory } from '../../core/outputs.js';
import { trainingLossNotes } from '../../report/lossNotes.js';
import type { Results } from '../../results/index.js';

export interface RunFlags {
  preset?: string;
  data?: string;
  model?: string;
  layers?: number[];
  epochs?: number;
  batch?: number;
  lr?: number;
  groups?: string;
  seeds?: number;
  seed?: number;
  quick?: boolean;
  config?: string;
  out?: string;
  eps?: number;
  emergenceCosine?: number;
  complexity?: string;
  concurrency?: number;
  quiet?: boolean;
  json?: boolean;
}

/** `orbitscope run`: train, snapshot, analyse and test every claim; write the run directory. */
export const handle: Action<RunFlags> = async (f, _args, io) => {
  const file = f.config ? readConfigFile(f.config) : {};
  const config = resolveRunConfig(
    {
      preset: f.preset,
      data: f.data,
      model: f.model,
      layers: f.layers,
      epochs: f.epochs,
      batch: f.batch,
      lr: f.lr,
      groups: f.groups?.split(',').map((s) => s.trim()),
      seeds: f.seeds,
      seed: f.seed,
      eps: f.eps,
      // the shapes world's orbit measure is the finite groups' epsilon-orbit: --eps reaches it too
      finiteEps: f.eps,
      emergenceCosine: f.emergenceCosine,
      complexityMeasure: f.complexity,
      quick: f.quick,
    },
    file,
    f.config,
  );
  // the default name says which seeds the directory holds: runs/shapes-seeds0-4, runs/shapes-seed3
  const seeds = config.seeds > 1 ? `seeds${config.seed}-${config.seed + config.seeds - 1}` : `seed${config.seed}`;
  const out = f.out ?? `runs/${config.preset}${config.quick ? '-quick' : ''}-${seeds}`;
  const progress = f.quiet ? undefined : workReporter({ tty: io === processIo && process.stderr.isTTY ? process.stderr : null, line: (t) => io.err(t) });
  let ran;
  try {
    // seeds are independent: by default one process per core trains and analyses them
    const seedProcesses = f.concurrency ?? Math.min(config.seeds, availableParallelism());
    ran = await inOutputDirectory('--out', out, () => runWithReport(config, { out, log: f.quiet ? undefined : (m) => io.err(m), warn: (m) => io.err(m), seedProcesses, ...(progress ? { progress } : {}) }));
  } finally {
    progress?.stop();
  }
  const { results, elapsedSeconds } = ran;
  io.out(f.json ? runSummaryJson(results, out) : runSummaryText(results, out, elapsedSeconds));
};

/** run --json: the verdicts, self-checks and training notes (a rising loss), on one line. */
export function runSummaryJson(results: Results, out: string): string {
  return JSON.stringify({
    out,
    claims: Object.fromEntries(Object.entries(results.claims).map(([k, c]) => [k, { verdict: c.verdict, statistic: c.statistic, ci: c.ci, n: c.n, control: c.control, difference: c.difference }])),
    checks: Object.fromEntries(Object.entries(results.checks).map(([k, c]) => [k, c.status])),
    notes: trainingLossNotes(results.layers),
  });
}

/** run's text summary: a line per claim, the self-checks, a note per layer whose loss rose, where the run is. */
export function runSummaryText(results: Results, out: string, elapsedSeconds: number): string {
  const num = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(3));
  const ci = (c: readonly [number, number] | null | undefined) => (c ? ` [${c[0].toFixed(3)}, ${c[1].toFixed(3)}]` : '');
  const rows = Object.entries(results.claims).map(
    ([k, c]) => `  ${k}  ${c.verdict.padEnd(14)} ${c.statisticName}: trained ${num(c.statistic)}${c.control ? `, control (${c.control.name}) ${num(c.control.statistic)}` : ''}, difference ${num(c.difference?.statistic)}${ci(c.difference?.ci)} (minimum effect ${c.minimumEffect})`,
  );
  const checks = Object.entries(results.checks).map(([k, c]) => `${k} ${c.status}`).join(', ');
  const notes = trainingLossNotes(results.layers).map((n) => `\n  note: ${n}`).join('');
  return `${rows.join('\n')}\n  engine self-checks: ${checks}${notes}\nrun directory: ${out} (report: ${out}/report.html), ${elapsedSeconds.toFixed(1)} s`;
}
