import { mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { activeProcesses, otherBusyBetween, type CpuSample, type MachineLoad, type ProcessEntry } from './spinning.js';

/** How often the load is read again (ms): often enough to follow a sweep's workers coming and going. */
const REFRESH_MS = 500;
/** A registered process that ran no graph for this long (ms) no longer counts as sharing the cores. */
const ACTIVE_WINDOW_MS = 3000;
/** Entries untouched for this long (ms) belong to processes that died without cleaning up: removed. */
const STALE_MS = 60_000;

/** The registry of active Orbitscope processes: one empty file per process, named by its pid, touched while it runs graphs. */
export const registryDir = (): string => join(tmpdir(), 'orbitscope-active');

function sample(): CpuSample {
  let busy = 0;
  for (const c of cpus()) busy += c.times.user + c.times.nice + c.times.sys + c.times.irq;
  const own = process.cpuUsage();
  return { wallMs: performance.now(), machineBusyMs: busy, ownMs: (own.user + own.system) / 1000 };
}

let exitHook = false;

/** Mark this process active in the registry (its file is made on first use, or again if removed, and removed when the process exits). */
function touch(now: number): void {
  const dir = registryDir();
  const file = join(dir, String(process.pid));
  try {
    utimesSync(file, now / 1000, now / 1000);
  } catch {
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, '');
    } catch {
      // a registry that cannot be written (read-only tmp) only means this process is not counted
      return;
    }
    if (!exitHook) {
      exitHook = true;
      process.once('exit', () => rmSync(file, { force: true }));
    }
  }
}

function readRegistry(now: number): ProcessEntry[] {
  const dir = registryDir();
  const entries: ProcessEntry[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return entries;
  }
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    try {
      const lastActiveMs = statSync(join(dir, name)).mtimeMs;
      if (now - lastActiveMs > STALE_MS) rmSync(join(dir, name), { force: true });
      else entries.push({ pid, lastActiveMs });
    } catch {
      // removed meanwhile by its process
    }
  }
  return entries;
}

let last: CpuSample | undefined;
let current: (MachineLoad & { readAt: number }) | undefined;

/**
 * The machine's load as this process sees it now: cores, other processes' CPU use since the last
 * reading, and the active Orbitscope processes (this one included). Read at most every
 * REFRESH_MS; each reading also marks this process active in the registry.
 */
export function machineLoad(): MachineLoad {
  const now = performance.now();
  if (current && now - current.readAt < REFRESH_MS) return current;
  const s = sample();
  const cores = availableParallelism();
  // the first reading has no window of its own: the 1-minute load average, less this process
  const measured = last && otherBusyBetween(last, s, cores);
  const otherBusy = measured ?? Math.min(cores, Math.max(0, loadavg()[0] - 1));
  // a window too short to measure keeps growing from its old start
  if (measured !== undefined || !last) last = s;
  const wall = Date.now();
  touch(wall);
  const processes = activeProcesses(readRegistry(wall), process.pid, wall, ACTIVE_WINDOW_MS);
  current = { cores, otherBusy, processes, readAt: now };
  return current;
}

/**
 * Start the CPU window now, so that the first machineLoad() measures from here rather than
 * falling back to the load average (the engine calls it when it loads a first session).
 */
export function startLoadWindow(): void {
  if (!last) last = sample();
}
