/**
 * A named place where a crash-safety test kills this process: when the environment variable
 * ORBITSCOPE_CRASH_AT equals `name`, the process sends itself SIGKILL there (no cleanup, no
 * exit handlers, as a power cut or the OOM killer would). A moment such as the one between two
 * renames lasts microseconds, so a test cannot hit it by polling from outside; unset, this is
 * one string comparison.
 */
export function crashPoint(name: string): void {
  if (process.env.ORBITSCOPE_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
