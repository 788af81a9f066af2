import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isUserError, UserError } from './errors.js';

/** The errno code of a file-system error, or its message. */
function why(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

/** Kernel file systems where nothing of ours belongs (and where Node's recursive mkdir spins forever). */
const VIRTUAL = ['/proc', '/sys', '/dev'];

function refuseVirtual(option: string, path: string): void {
  if (path.trim() === '') throw new UserError(`${option}: expected a path, got an empty string`);
  const abs = resolve(path);
  const root = VIRTUAL.find((v) => abs === v || abs.startsWith(`${v}/`));
  if (root) throw new UserError(`${option} ${path}: ${root} is a kernel file system, not a place for output; choose another directory`);
}

/**
 * Create directory `path` and its missing parents for the option `option`, one level at a time
 * (Node's `mkdirSync(..., { recursive: true })` loops forever under /proc), and check that a
 * file can be written in it. Returns the topmost directory it created, or null when `path`
 * already existed. Problems are UserErrors naming the option and the path.
 */
export function makeOutputDirectory(option: string, path: string): string | null {
  refuseVirtual(option, path);
  const missing: string[] = [];
  let p = resolve(path);
  for (;;) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      if (why(e) !== 'ENOENT') throw new UserError(`${option} ${path}: cannot use ${p} (${why(e)})`);
      missing.push(p);
      const up = dirname(p);
      if (up === p) break;
      p = up;
      continue;
    }
    if (!st.isDirectory()) throw new UserError(`${option} ${path}: ${p === resolve(path) ? 'is a file, not a directory' : `${p} is a file, not a directory`}`);
    break;
  }
  let created: string | null = null;
  for (const m of missing.reverse()) {
    try {
      mkdirSync(m);
      created ??= m;
    } catch (e) {
      // another process made it in the meantime: fine, but it is not ours to remove
      if (why(e) === 'EEXIST' && statSync(m).isDirectory()) continue;
      if (created) rmSync(created, { recursive: true, force: true });
      throw new UserError(`${option} ${path}: cannot create the directory (${why(e)})`);
    }
  }
  const probe = join(path, `.write-test-${process.pid}`);
  try {
    writeFileSync(probe, '');
    unlinkSync(probe);
  } catch (e) {
    if (created) rmSync(created, { recursive: true, force: true });
    throw new UserError(`${option} ${path}: the directory is not writable (${why(e)})`);
  }
  return created;
}

/**
 * Check, before long work, that `path` can be written as a file for the option `option`: not a
 * directory, its folder exists and takes a new file. Writes nothing that stays.
 */
export function checkOutputFile(option: string, path: string): void {
  refuseVirtual(option, path);
  if (existsSync(path) && statSync(path).isDirectory()) throw new UserError(`${option} ${path}: is a directory, expected a file name`);
  const dir = dirname(resolve(path));
  if (!existsSync(dir)) throw new UserError(`${option} ${path}: the folder ${dir} does not exist`);
  const probe = join(dir, `.write-test-${process.pid}`);
  try {
    writeFileSync(probe, '');
    unlinkSync(probe);
  } catch (e) {
    throw new UserError(`${option} ${path}: cannot write in ${dir} (${why(e)})`);
  }
}

/** Write an output file; a failure is a UserError naming the option and the path. */
export function writeOutputFile(option: string, path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    throw new UserError(`${option} ${path}: cannot write (${why(e)})`);
  }
}

/** Read and parse a JSON file that Orbitscope wrote; damage is a UserError naming the file and what to do. */
export function readJsonFile(path: string, remedy: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`${path}: cannot read (${why(e)}); ${remedy}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UserError(`${path}: damaged, not valid JSON (${(e as Error).message}); ${remedy}`);
  }
}

/** A held lock on a run directory; release it when the work ends. */
export interface DirectoryLock {
  release(): void;
}

const LOCK_FILE = '.orbitscope-lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return why(e) === 'EPERM';
  }
}

/**
 * Take the lock of run directory `dir` (a file holding this process's id, created exclusively),
 * so that two processes never write one run at once. A lock left by a process that no longer
 * runs (killed) is taken over. A live holder is a UserError naming the option and its pid.
 */
export function lockDirectory(option: string, dir: string): DirectoryLock {
  const path = join(dir, LOCK_FILE);
  // write the pid to a private file, then link it to the lock name: link fails if the lock
  // exists, so the lock file is never seen half-written
  const mine = join(dir, `${LOCK_FILE}.${process.pid}`);
  writeFileSync(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(mine, path);
      } catch (e) {
        if (why(e) !== 'EEXIST') throw new UserError(`${option} ${dir}: cannot lock the directory (${why(e)})`);
        const holder = Number.parseInt(readFileSafe(path), 10);
        if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
          throw new UserError(`${option} ${dir}: the directory is in use by another orbitscope process (pid ${holder}); wait for it to finish or choose another ${option}`);
        }
        // left by a process that is gone (killed): remove it and try again
        rmSync(path, { force: true });
        continue;
      }
      let held = true;
      return {
        release: () => {
          if (held && readFileSafe(path) === String(process.pid)) rmSync(path, { force: true });
          held = false;
        },
      };
    }
  } finally {
    rmSync(mine, { force: true });
  }
  throw new UserError(`${option} ${dir}: cannot lock the directory (another process keeps taking it)`);
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Do `work` in run directory `dir` (option `option`): create it (and its parents), lock it
 * against a second process, and release the lock at the end. When the work fails with a user
 * error and this call created the directory, remove it, so a failed fresh run leaves nothing
 * behind; a directory that existed before (a run being resumed) is never removed.
 */
export async function inOutputDirectory<T>(option: string, dir: string, work: () => Promise<T>): Promise<T> {
  const created = makeOutputDirectory(option, dir);
  let lock: DirectoryLock;
  try {
    lock = lockDirectory(option, dir);
  } catch (e) {
    if (created) rmSync(created, { recursive: true, force: true });
    throw e;
  }
  try {
    return await work();
  } catch (e) {
    lock.release();
    // an error that says what it kept (a diverged run's last checkpoint) keeps the directory
    const keeps = (e as { keepsOutput?: boolean }).keepsOutput === true;
    if (created && isUserError(e) && !keeps) rmSync(created, { recursive: true, force: true });
    throw e;
  } finally {
    lock.release();
  }
}
