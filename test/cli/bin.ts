import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Where the real `orbitscope` bin script lives. */
export const BIN = join(import.meta.dirname, '..', '..', 'bin', 'orbitscope.mjs');

/** The result of one `orbitscope` process. */
export interface BinResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run the real bin script as a user would (a fresh node process); resolves when it exits. */
export function orbitscope(args: readonly string[], options: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** True when stderr is one line of the CLI's error format, with no stack trace. */
export function oneErrorLine(r: BinResult, command: string): boolean {
  const lines = r.stderr.trim().split('\n');
  return lines.length === 1 && lines[0].startsWith(`orbitscope ${command}: `) && !/\bat .*\(.*:\d+:\d+\)/.test(r.stderr) && !r.stderr.includes('internal error');
}

/** Start the bin, wait for its first line on stderr (or its exit), then SIGKILL it; resolves to the stderr seen. */
export async function firstErrorLine(args: readonly string[]): Promise<string> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const lined = new Promise<void>((resolve) => child.stderr.on('data', (d: Buffer) => ((stderr += d.toString()), stderr.includes('\n') && resolve())));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await Promise.race([lined, exited]);
  child.kill('SIGKILL');
  await exited;
  return stderr;
}
