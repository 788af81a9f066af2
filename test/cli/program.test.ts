import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { Command } from 'commander';
import { action, makeProgram, runProgram, type Cli, type Io } from '../../src/cli/program.js';
import { main } from '../../src/cli/main.js';
import { integer } from '../../src/cli/parse.js';
import { UserError } from '../../src/core/index.js';

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

/** A program with one toy command, to exercise the shared error path. */
async function runToy(argv: string[]) {
  const io = capture();
  const cli: Cli = { io, exitCode: 0 };
  const toy = (program: Command, c: Cli) =>
    program
      .command('toy')
      .option('--n <n>', 'a count', integer(1))
      .option('--fail <kind>', 'fail on purpose')
      .option('--json', 'JSON output')
      .action(
        action<{ n?: number; fail?: string; json?: boolean }>('toy', c, (o, _a, out) => {
          if (o.fail === 'user') throw new UserError('--fail: the user asked for it');
          if (o.fail === 'bug') throw new Error('boom');
          out.out(JSON.stringify({ n: o.n ?? 1 }));
        }),
      );
  const program = makeProgram(cli, [toy]);
  const code = await runProgram(program, cli, ['node', 'orbitscope', ...argv]);
  return { code, ...io };
}

describe('the CLI error path', () => {
  it('a user error prints "orbitscope <command>: <message>" and exits 2 with no stack', async () => {
    const r = await runToy(['toy', '--fail', 'user']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('orbitscope toy: --fail: the user asked for it');
  });

  it('an internal error exits 1 and keeps the stack', async () => {
    const r = await runToy(['toy', '--fail', 'bug']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/internal error: boom/);
    expect(r.stderr).toMatch(/at /);
  });

  it('an unknown option exits 2 with a one-line message', async () => {
    const r = await runToy(['toy', '--nope']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^orbitscope toy: unknown option '--nope'/);
  });

  it('a malformed value exits 2 naming the option', async () => {
    const r = await runToy(['toy', '--n', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/orbitscope toy: .*--n.*expected an integer, got "x"/);
  });

  it('an unknown subcommand exits 2', async () => {
    const r = await runToy(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^orbitscope: /);
  });

  it('--json output goes to stdout alone', async () => {
    const r = await runToy(['toy', '--n', '3', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ n: 3 });
    expect(r.stderr).toBe('');
  });
});

describe('orbitscope', () => {
  it('main(["--version"]) prints the package version', async () => {
    const io = capture();
    expect(await main(['node', 'orbitscope', '--version'], io)).toBe(0);
    expect(io.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('the bin script runs on a fresh process and lists its commands in --help', () => {
    const r = spawnSync(process.execPath, ['bin/orbitscope.mjs', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: orbitscope/);
  });
});
