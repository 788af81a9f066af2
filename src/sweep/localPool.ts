import { availableParallelism } from 'node:os';
import { CellFailure, CellProcess } from './cellProcess.js';
import type { SweepCounts } from './progress.js';
import { finishedCell, type CellSpec, type CellSummary } from './cellSummary.js';

/** How a sweep ended: a summary per finished cell and a message per failed one. */
export interface SweepOutcome {
  readonly summaries: ReadonlyMap<string, CellSummary>;
  readonly failures: ReadonlyMap<string, string>;
}

/**
 * Default local workers: the machine's cores over the threads one run uses (at least 1). A run's
 * ONNX Runtime sessions use every core (engine/session.ts defaultThreads; not imported here, so
 * that the sweep's own process never loads ONNX Runtime), so this is 1 unless that changes.
 */
export function defaultWorkers(threadsPerRun = availableParallelism()): number {
  return Math.max(1, Math.floor(availableParallelism() / threadsPerRun));
}

/**
 * Run cells on a pool of `workers` local processes, each taking the next cell when it is free.
 * A cell that fails (or whose process dies) is recorded and the others go on; its process is
 * replaced. `onProgress` sees the counts after every change.
 */
export async function runLocalSweep(out: string, cells: readonly CellSpec[], workers: number, onProgress: (c: SweepCounts) => void = () => {}): Promise<SweepOutcome> {
  const summaries = new Map<string, CellSummary>();
  const failures = new Map<string, string>();
  const computedSeconds: number[] = [];
  let running = 0;
  let reused = 0;
  let parallel = 1;
  const counts = (): SweepCounts => ({ total: cells.length, done: summaries.size, reused, running, failed: failures.size, computedSeconds, parallel });
  // finished cells are read here, without starting a process
  const queue = cells.filter((cell) => {
    const s = finishedCell(out, cell.id);
    if (!s) return true;
    summaries.set(cell.id, s);
    reused++;
    return false;
  });
  onProgress(counts());
  const lane = async () => {
    const proc = new CellProcess();
    try {
      for (let cell = queue.shift(); cell; cell = queue.shift()) {
        running++;
        onProgress(counts());
        try {
          const s = await proc.run(out, cell);
          summaries.set(cell.id, s);
          if (s.reused) reused++;
          else computedSeconds.push(s.seconds);
        } catch (e) {
          if (!(e instanceof CellFailure)) throw e;
          failures.set(cell.id, e.message);
        }
        running--;
        onProgress(counts());
      }
    } finally {
      proc.close();
    }
  };
  parallel = Math.max(1, Math.min(workers, queue.length));
  await Promise.all(Array.from({ length: parallel }, lane));
  return { summaries, failures };
}
