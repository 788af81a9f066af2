import { UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { CellFailure, CellProcess } from './cellProcess.js';
import { cellId } from './cellId.js';
import { finishedCell, type CellSummary } from './cellSummary.js';
import { QUEUE_NAME, type CellJobData } from './sweepQueue.js';

/** Options of a queue worker. */
export interface CellWorkerOptions {
  /** Cells run at once, each in its own process. */
  readonly concurrency: number;
  /**
   * Milliseconds a job's lock lasts without renewal (renewed every half of it while the cell
   * runs). A worker that dies is noticed after about this long, and its cell handed on.
   */
  readonly lockMs: number;
  /** Progress lines. */
  readonly log: (line: string) => void;
}

/**
 * Take cells from the queue and run each in a cell process under `out` (a directory every
 * worker and the sweep see). The worker's own event loop only renews locks, so a long cell is
 * not mistaken for a stalled one; a worker killed mid-cell stops renewing, BullMQ's stalled-job
 * check moves the job back to the queue, and the next worker resumes the cell from its
 * checkpoints. A cell that failed on bad input is not retried. Returns the BullMQ worker (close it
 * to stop, after the running cells).
 */
export function startCellWorker(connection: Redis, out: string, options: CellWorkerOptions): Worker<CellJobData, CellSummary> {
  const idle: CellProcess[] = [];
  const all: CellProcess[] = [];
  const worker = new Worker<CellJobData, CellSummary>(
    QUEUE_NAME,
    async (job) => {
      const { id, label, config } = job.data;
      if (cellId(config) !== id) throw new UnrecoverableError(`user error: job ${id} carries a config whose hash is ${cellId(config)} (another Orbitscope version?)`);
      // a finished cell is read here, without a cell process (as the local pool does)
      const done = finishedCell(out, id);
      if (done) {
        options.log(`worker: cell ${id} (${label}) was already finished`);
        return done;
      }
      let proc = idle.pop();
      if (!proc) {
        proc = new CellProcess();
        all.push(proc);
      }
      options.log(`worker: cell ${id} (${label}) started${job.attemptsMade > 0 ? ` (attempt ${job.attemptsMade + 1})` : ''}`);
      try {
        const summary = await proc.run(out, { id, config });
        options.log(`worker: cell ${id} (${label}) ${summary.reused ? 'was already finished' : `done in ${summary.seconds.toFixed(1)} s`}`);
        return summary;
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        options.log(`worker: cell ${id} (${label}) failed: ${message}`);
        if (e instanceof CellFailure && e.userError) throw new UnrecoverableError(`user error: ${message}`);
        throw e;
      } finally {
        idle.push(proc!);
      }
    },
    { connection, concurrency: options.concurrency, lockDuration: options.lockMs, stalledInterval: options.lockMs, maxStalledCount: 3 },
  );
  worker.on('closed', () => {
    for (const p of all) p.close();
  });
  return worker;
}
