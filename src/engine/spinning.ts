/** What a process sees of the machine when it decides whether its ONNX Runtime workers spin. */
export interface MachineLoad {
  /** Cores this process may use (os.availableParallelism()). */
  readonly cores: number;
  /** Cores' worth of CPU time other processes used over the last window (0: nothing else runs). */
  readonly otherBusy: number;
  /** Orbitscope processes running graphs now, this one included (at least 1). */
  readonly processes: number;
}

/**
 * Other load (in cores) that still counts as a free machine: system noise and a shell's work
 * should not stop spinning, a busy process (1 core) must.
 */
export const SPIN_SLACK = 0.5;

/**
 * Whether a session of `threads` intra-op threads that asks for spinning workers
 * (`wantsSpinning`) should spin now. Idle workers spin only while each of our threads has a
 * core to itself: otherBusy + threads <= cores + SPIN_SLACK, where every other active
 * Orbitscope process counts as at least one busy core even between its runs (two sweep workers
 * never spin against each other). A spinning worker on a core that another process wants burns
 * the slices our main thread waits for (bench/contention.ts measures it). One thread has no
 * workers and never spins.
 *
 * Only spinning follows the load, never the thread count: spinning is how idle workers wait,
 * while the thread count decides how ONNX Runtime splits a GEMM, which changes the last bits of
 * the result for some shapes (784-128 at batch 32 trains to four different weight sets with 1,
 * 2, 3 and 4 threads), and `threads` is part of a run's configuration.
 */
export function shouldSpin(threads: number, wantsSpinning: boolean, m: MachineLoad): boolean {
  if (!wantsSpinning || threads <= 1) return false;
  const others = Math.max(m.otherBusy, m.processes - 1);
  return others + threads <= m.cores + SPIN_SLACK;
}

/** One reading of CPU counters: wall clock, CPU time of the whole machine and of this process (all ms). */
export interface CpuSample {
  readonly wallMs: number;
  readonly machineBusyMs: number;
  readonly ownMs: number;
}

/**
 * Cores' worth of CPU time that other processes used between two samples: the machine's busy
 * time minus this process's, over the wall time, clamped to [0, cores]. Returns undefined when
 * the window is shorter than `minWindowMs` (the kernel counts CPU time in 10 ms ticks per core,
 * so a short window says nothing).
 */
export function otherBusyBetween(a: CpuSample, b: CpuSample, cores: number, minWindowMs = 50): number | undefined {
  const wall = b.wallMs - a.wallMs;
  if (!(wall >= minWindowMs)) return undefined;
  const other = (b.machineBusyMs - a.machineBusyMs - (b.ownMs - a.ownMs)) / wall;
  return Math.min(cores, Math.max(0, other));
}

/** A process's entry in the registry of active Orbitscope processes. */
export interface ProcessEntry {
  readonly pid: number;
  /** When the process last ran a graph (ms since the epoch). */
  readonly lastActiveMs: number;
}

/**
 * Orbitscope processes active now: this one plus every other entry that ran a graph within
 * `windowMs` of `nowMs` (a process that stopped or sits idle stops counting after the window).
 */
export function activeProcesses(entries: readonly ProcessEntry[], selfPid: number, nowMs: number, windowMs: number): number {
  let n = 1;
  for (const e of entries) if (e.pid !== selfPid && nowMs - e.lastActiveMs <= windowMs) n++;
  return n;
}
