import { Queue, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { SweepCounts } from './progress.js';
import type { CellSpec, CellSummary } from './cellSummary.js';
import type { SweepOutcome } from './localPool.js';

/** The BullMQ queue every sweep and worker uses; jobs are cells, their ids the cells' config hashes. */
export const QUEUE_NAME = 'orbitscope-cells';

/** What a job carries: the cell (id and full config) and the label for progress lines. */
export interface CellJobData extends CellSpec {
  readonly label: string;
}

/** Attempts per cell: a worker that dies mid-cell is one; the next attempt resumes from the checkpoint. */
export const CELL_ATTEMPTS = 3;

/** Open the cells queue on a connection. */
export function cellQueue(connection: Redis): Queue<CellJobData, CellSummary> {
  return new Queue<CellJobData, CellSummary>(QUEUE_NAME, { connection });
}

/**
 * Put cells on the queue, one job per cell with the cell's id as job id: BullMQ ignores an add
 * whose id exists, so a cell enqueued twice (the same grid again, another sweep sharing cells)
 * runs once. Completed jobs are kept for that reason. A cell whose job failed is retried.
 * Returns how many jobs were new.
 */
export async function enqueueCells(queue: Queue<CellJobData, CellSummary>, cells: readonly (CellSpec & { label: string })[]): Promise<{ added: number; retried: number }> {
  let added = 0;
  let retried = 0;
  for (const cell of cells) {
    const existing = await queue.getJob(cell.id);
    if (existing) {
      if ((await existing.getState()) === 'failed') {
        await existing.retry('failed');
        retried++;
      }
      continue;
    }
    await queue.add('cell', { id: cell.id, label: cell.label, config: cell.config }, { jobId: cell.id, attempts: CELL_ATTEMPTS, removeOnComplete: false, removeOnFail: false });
    added++;
  }
  return { added, retried };
}

/**
 * Wait until every cell's job has completed or failed for good, polling their states every
 * `pollMs`; `onProgress` sees the counts after every change. Jobs removed from the queue count
 * as failed (nothing will run them).
 */
export async function waitForCells(queue: Queue<CellJobData, CellSummary>, cells: readonly CellSpec[], onProgress: (c: SweepCounts) => void = () => {}, pollMs = 500): Promise<SweepOutcome> {
  const summaries = new Map<string, CellSummary>();
  const failures = new Map<string, string>();
  const active = new Set<string>();
  const computedSeconds: number[] = [];
  let reused = 0;
  for (;;) {
    active.clear();
    for (const cell of cells) {
      if (summaries.has(cell.id) || failures.has(cell.id)) continue;
      const job: Job<CellJobData, CellSummary> | undefined = await queue.getJob(cell.id);
      if (!job) {
        failures.set(cell.id, 'its job is not on the queue (removed?)');
        continue;
      }
      const state = await job.getState();
      if (state === 'completed') {
        // the job may have completed between getJob and getState: its return value then comes with the next poll
        const s = job.returnvalue;
        if (!s) continue;
        summaries.set(cell.id, s);
        if (s.reused) reused++;
        else computedSeconds.push(s.seconds);
      } else if (state === 'failed' && (job.attemptsMade >= (job.opts.attempts ?? 1) || job.failedReason?.startsWith('user error:'))) {
        failures.set(cell.id, job.failedReason ?? 'failed');
      } else if (state === 'active') {
        active.add(cell.id);
      }
    }
    onProgress({ total: cells.length, done: summaries.size, reused, running: active.size, failed: failures.size, computedSeconds, parallel: Math.max(1, active.size) });
    if (summaries.size + failures.size === cells.length) return { summaries, failures };
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
