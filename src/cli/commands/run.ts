import type { Command } from 'commander';
import { action, type Cli } from '../program.js';
import { integer, integerList, number, oneOf } from '../parse.js';
import { COMPLEXITY_MEASURES, PRESETS, readConfigFile, resolveRunConfig } from '../../experiments/config.js';
import { runExperiment } from '../../experiments/runExperiment.js';

interface RunFlags {
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
  quiet?: boolean;
  json?: boolean;
}

/** `orbitscope run`: train, snapshot, analyse and test every claim; write the run directory. */
export function registerRun(program: Command, cli: Cli): void {
  program
    .command('run')
    .description('Run the experiments end to end: train, snapshot, analyse, judge each claim C2-C5 against its declared controls, run the engine self-checks C0-C1, and write a run directory with results.json and report.html.')
    .option('--preset <name>', `starting point: ${PRESETS.join(', ')} (default shapes)`, oneOf(PRESETS))
    .option('--data <spec>', 'dataset spec, e.g. shapes:n=12,count=6000 | mnist | idx:IMAGES[,LABELS] | natural:DIR[,patch=12] | npy:FILE')
    .option('--model <kind>', 'ae (autoencoder, default) or rbm', oneOf(['ae', 'rbm'] as const))
    .option('--layers <sizes>', 'hidden layer sizes of the greedy stack, e.g. 256,64', integerList(1))
    .option('--epochs <n>', 'epochs per layer', integer(1))
    .option('--batch <n>', 'minibatch size', integer(1))
    .option('--lr <rate>', 'learning rate (default: the model’s own)', number(Number.MIN_VALUE))
    .option('--groups <names>', 'groups to analyse under, comma-separated: translations,d4,p4m,t2,so2,scale,se2,sim2,gl2,aff2')
    .option('--seeds <k>', 'number of seeds (seed, seed+1, ...)', integer(1))
    .option('--seed <s>', 'first seed', integer(0))
    .option('--eps <e>', 'epsilon of every epsilon-stabilizer and epsilon-orbit (Lie groups and the finite groups’ centred measure), relative to ||x||; default 0.25 (Lie) and 0.5 (finite)', number(Number.MIN_VALUE))
    .option('--emergence-cosine <c>', 'cosine at which a unit or primitive counts as emerged (default 0.9)', number(0, 1))
    .option('--complexity <measure>', `primary complexity measure of C3 and C4: ${COMPLEXITY_MEASURES.join(', ')} (default compressedBytes)`, oneOf(COMPLEXITY_MEASURES))
    .option('--quick', 'tiny settings for a smoke test (seconds)')
    .option('--config <file>', 'options from a JSON or YAML file (flags override it)')
    .option('--out <dir>', 'run directory (default runs/<preset>-seed<seed>)')
    .option('--quiet', 'no progress output')
    .option('--json', 'print the verdicts as JSON on stdout')
    .action(
      action<RunFlags>('run', cli, async (f, _args, io) => {
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
        const out = f.out ?? `runs/${config.preset}${config.quick ? '-quick' : ''}-seed${config.seed}`;
        const { results, elapsedSeconds } = await runExperiment(config, { out, log: f.quiet ? undefined : (m) => io.err(m) });
        if (f.json) {
          io.out(
            JSON.stringify({
              out,
              claims: Object.fromEntries(Object.entries(results.claims).map(([k, c]) => [k, { verdict: c.verdict, statistic: c.statistic, ci: c.ci, n: c.n, control: c.control, difference: c.difference }])),
              checks: Object.fromEntries(Object.entries(results.checks).map(([k, c]) => [k, c.status])),
            }),
          );
        } else {
          const num = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(3));
          const ci = (c: readonly [number, number] | null | undefined) => (c ? ` [${c[0].toFixed(3)}, ${c[1].toFixed(3)}]` : '');
          const rows = Object.entries(results.claims).map(
            ([k, c]) => `  ${k}  ${c.verdict.padEnd(14)} ${c.statisticName}: trained ${num(c.statistic)}${c.control ? `, control (${c.control.name}) ${num(c.control.statistic)}` : ''}, difference ${num(c.difference?.statistic)}${ci(c.difference?.ci)} (minimum effect ${c.minimumEffect})`,
          );
          const checks = Object.entries(results.checks).map(([k, c]) => `${k} ${c.status}`).join(', ');
          io.out(`${rows.join('\n')}\n  engine self-checks: ${checks}\nrun directory: ${out} (report: ${out}/report.html), ${elapsedSeconds.toFixed(1)} s`);
        }
      }),
    );
}
