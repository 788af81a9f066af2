// Each default is written once (nn/defaults.ts, analysis/defaults.ts, actions/defaults.ts) and
// read by the config schema, the library and --help. These tests compare what the user sees in
// --help with what the code does when the flag is left out, so a number typed into one of them
// alone fails here.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { resolveRunConfig } from '../../src/experiments/config.js';
import { learningRate } from '../../src/experiments/trainSeed.js';
import { trainStackSchema, configOf } from '../../src/nn/stackOptions.js';
import { autoencoderOptionsSchema } from '../../src/nn/options.js';
import { gaussianBlob } from '../../src/testing/index.js';

/** Run the CLI in this process with captured streams. */
async function cli(args: string[]) {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  const code = await main(['node', 'orbitscope', ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** A command's --help with its line wrapping undone: one entry per option, from its flags to the end of its description. */
async function help(command: string): Promise<string[]> {
  const r = await cli([command, '--help']);
  expect(r.code).toBe(0);
  const options: string[] = [];
  for (const line of r.stdout.split('\n')) {
    if (/^ {2}(-\w, )?--/.test(line)) options.push(line.trim());
    else if (options.length && /^ {3,}\S/.test(line)) options[options.length - 1] += ` ${line.trim()}`;
  }
  return options;
}

/** The number --help shows for `flag`: commander's "(default: X)", else what `pattern` finds in the flag's description. */
function shown(options: string[], flag: string, pattern = /\(default:? ([\d.e-]+)/): number {
  const entry = options.find((o) => o.startsWith(`${flag} `) || o === flag);
  expect(entry, `${flag} in --help`).toBeDefined();
  const m = pattern.exec(entry!);
  expect(m, `a default for ${flag} in "${entry}"`).not.toBeNull();
  return Number(m![1]);
}

const run = resolveRunConfig({});

describe('--help shows the defaults the code uses', () => {
  it('train --help: epochs per layer and batch as the default run; learning rates as the run and the library choose them', async () => {
    const t = await help('train');
    expect(shown(t, '--batch <n>')).toBe(run.batch);
    expect(shown(t, '--weight-decay <lambda>')).toBe(run.weightDecay);
    expect(shown(t, '--sparsity <beta>', /default ([\d.]+) with the sigmoid encoder/)).toBe(run.sparsity);
    expect(t.find((o) => o.startsWith('--optimizer'))).toContain(`default ${run.optimizer}, as run`);
    // the run's rate for its optimiser, and the library's (trainStack) for each optimiser and model
    const rate = (what: string) => shown(t, '--lr <rate>', new RegExp(`([\\d.]+) ${what}`));
    expect(rate(`with ${run.optimizer}`)).toBe(learningRate(run));
    const lib = (model: 'ae' | 'rbm', optimizer: 'sgd' | 'adam') => configOf(trainStackSchema.parse({ data: new Float32Array(4), dim: 2, layers: [2, 1], model, ae: { optimizer } }), '', 2).lr;
    expect(rate('with sgd')).toBe(lib('ae', 'sgd'));
    expect(rate('with adam')).toBe(lib('ae', 'adam'));
    expect(rate('for rbm')).toBe(lib('rbm', 'sgd'));
    const ae = autoencoderOptionsSchema.parse({});
    expect(shown(t, '--sparsity-target <rho>')).toBe(ae.sparsityTarget);
    expect(shown(t, '--noise-level <x>')).toBe(ae.noiseLevel);
    expect(shown(t, '--momentum <mu>', /default ([\d.]+) for ae/)).toBe(ae.momentum);
  });

  it('analyze --help: levels and rank tolerance are the run config\'s', async () => {
    const a = await help('analyze');
    expect(shown(a, '--levels <n>')).toBe(run.levels);
    expect(shown(a, '--tol <t>')).toBe(run.tol);
  });

  it('run --help: epsilon (Lie and finite) and the emergence cosine are the config\'s', async () => {
    const r = await help('run');
    expect(shown(r, '--eps <e>', /default ([\d.]+) \(Lie\)/)).toBe(run.eps);
    expect(shown(r, '--eps <e>', /and ([\d.]+) \(finite\)/)).toBe(run.finiteEps);
    expect(shown(r, '--emergence-cosine <c>')).toBe(run.emergenceCosine);
  });

  it('orbit --help: the tolerance, samples, interpolation and border that orbit uses when they are left out', async () => {
    const o = await help('orbit');
    const n = 25;
    const pixels = gaussianBlob(n, n, 3);
    const file = join(mkdtempSync(join(tmpdir(), 'orbitscope-defaults-')), 'blob.json');
    writeFileSync(file, JSON.stringify(Array.from({ length: n }, (_, r) => Array.from(pixels.subarray(r * n, (r + 1) * n)))));
    const r = await cli(['orbit', '--image', file, '--group', 'so2', '--eps', '0.1', '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const out = JSON.parse(r.stdout) as { tol: number; samples: number; interp: string; border: string };
    expect(shown(o, '--tol <t>')).toBe(out.tol);
    expect(shown(o, '--samples <n>')).toBe(out.samples);
    expect(o.find((x) => x.startsWith('--interp'))).toContain(`(default ${out.interp})`);
    expect(o.find((x) => x.startsWith('--border'))).toContain(`(default ${out.border})`);
    // the image's tolerance and the learned features' are two settings, on purpose (analysis/defaults.ts)
    expect(out.tol).not.toBe(run.tol);
  });
});
