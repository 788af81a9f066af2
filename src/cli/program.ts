import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { InvalidInputError, isUserError, UserError } from '../core/errors.js';
import { VERSION } from '../version.js';

/** Exit codes: user errors are 2, bugs and internal failures 1. */
export const EXIT_USER = 2;
export const EXIT_INTERNAL = 1;

/** Where a command writes: stdout for results (alone, so `--json` can be piped), stderr for the rest. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

/** What every command shares: its output streams and the exit code of the run. */
export interface Cli {
  readonly io: Io;
  exitCode: number;
}

/** A command's action: parsed options in, exit code out (0 when it returns nothing). */
export type Action<O> = (options: O, args: string[], io: Io) => Promise<number | void> | number | void;

/** Signature of a module that adds one subcommand. */
export type Registrar = (program: Command, cli: Cli) => void;

/**
 * Wrap a command action in the one error path of the CLI: a UserError prints
 * `orbitscope <command>: <message>` and exits 2; anything else is a bug: message and stack,
 * exit 1.
 */
export function action<O>(name: string, cli: Cli, fn: Action<O>, inputFlags: () => InputFlags = () => ({})) {
  return async (...params: unknown[]): Promise<void> => {
    const cmd = params[params.length - 1] as Command;
    const options = cmd.opts() as O;
    try {
      const code = await fn(options, cmd.args, cli.io);
      if (typeof code === 'number') cli.exitCode = code;
    } catch (e) {
      cli.exitCode = report(name, e instanceof InvalidInputError ? inFlagWords(e, cmd, inputFlags()) : e, cli.io);
    }
  };
}

/** Library input names that a command spells differently as flags: { groups: '--group' }. */
export type InputFlags = Readonly<Record<string, string>>;

/**
 * A library's InvalidInputError in the command's words: each input named by its flag (the
 * command's `inputFlags`, else the option of the same attribute name, else the input's own name),
 * then the problem: "--group: unknown group \"so3\"; ...".
 */
export function inFlagWords(e: InvalidInputError, cmd: Command, inputFlags: InputFlags): UserError {
  const flag = (input: string) => inputFlags[input] ?? cmd.options.find((o) => o.attributeName() === input)?.long ?? input;
  return new UserError(`${e.inputs.map(flag).join('/')}: ${e.problem}`, { cause: e });
}

/** A command module: the action of one command, loaded only when that command runs. */
export interface CommandModule<O> {
  handle: Action<O>;
  /** Library input names this command spells differently as flags (see inFlagWords). */
  inputFlags?: InputFlags;
}

/**
 * The action of a command whose code loads on use: `load` is `() => import('../commands/NAME.js')`,
 * so `--help` and the other commands never load this command's module or its dependencies
 * (see docs/cli.md). Errors, loading ones included, take the path of `action`.
 */
export function lazyAction<O>(name: string, cli: Cli, load: () => Promise<CommandModule<O>>) {
  let inputFlags: InputFlags = {};
  return action<O>(
    name,
    cli,
    async (options, args, io) => {
      const m = await load();
      inputFlags = m.inputFlags ?? {};
      return m.handle(options, args, io);
    },
    () => inputFlags,
  );
}

/** Print an error the CLI way and return its exit code. */
export function report(name: string, e: unknown, io: Io): number {
  if (isUserError(e) || e instanceof InvalidArgumentError) {
    io.err(`orbitscope ${name}: ${(e as Error).message}`);
    return EXIT_USER;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  io.err(`orbitscope ${name}: internal error: ${err.message}\n${err.stack ?? ''}`);
  return EXIT_INTERNAL;
}

/** The root program, with commander set to report its own errors through the same path. */
export function makeProgram(cli: Cli, registrars: readonly Registrar[]): Command {
  const io = cli.io;
  const program = new Command('orbitscope')
    .description('Measure the group-theoretic account of unsupervised pre-training: orbits, stabilizers, shadow groups and learned features.')
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true);
  for (const r of registrars) r(program, cli);
  configureErrors(program, io);
  return program;
}

function configureErrors(cmd: Command, io: Io): void {
  cmd.exitOverride();
  // --help marks the options a command cannot run without
  for (const opt of cmd.options) if (opt.mandatory && !opt.description.endsWith('(required)')) opt.description = `${opt.description} (required)`;
  cmd.configureOutput({
    writeOut: (s) => io.out(s),
    // commander's own messages start with "error: "; restate them in the CLI's format
    writeErr: (s) => io.err(s),
    outputError: (s) => io.err(`orbitscope${cmd.name() === 'orbitscope' ? '' : ` ${cmd.name()}`}: ${s.replace(/^error: /, '').trim()}`),
  });
  for (const sub of cmd.commands) configureErrors(sub, io);
}

/** Run the CLI on argv; returns the exit code. */
export async function runProgram(program: Command, cli: Cli, argv: readonly string[]): Promise<number> {
  try {
    await program.parseAsync(argv as string[]);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help, `help` and --version exit with 0; every parse error (unknown option, bad value)
      // is the user's, and so is a missing command (commander prints the help to stderr with
      // exit code 1 then): 2, so that scripts notice
      return e.exitCode === 0 ? 0 : EXIT_USER;
    }
    throw e;
  }
  return cli.exitCode;
}
