import { makeProgram, processIo, runProgram, type Cli, type Io } from './program.js';
import { registrars } from './registrars/index.js';

/** Entry point of the `orbitscope` command; returns the process exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const cli: Cli = { io, exitCode: 0 };
  const program = makeProgram(cli, registrars);
  return runProgram(program, cli, argv);
}
