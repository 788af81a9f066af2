import type { CellSpec } from './cellSummary.js';
import { startCellWorker, type CellWorkerOptions } from './cellWorker.js';
import type { SweepOutcome } from './localPool.js';
import type { SweepCounts } from './progress.js';
import { redisClient, type RedisAddress } from './redisConnection.js';
import { cellQueue, enqueueCells, waitForCells } from './sweepQueue.js';

/**
 * The distributed sweep's side: enqueue the cells (idempotent by id) and, unless `detach`,
 * wait until each is done or failed for good. Returns null when detached.
 */
export async function queueSweep(address: RedisAddress, cells: readonly (CellSpec & { label: string })[], options: { detach: boolean; onProgress: (c: SweepCounts) => void; log: (line: string) => void }): Promise<SweepOutcome | null> {
  let lost: Error | null = null;
  const connection = redisClient(address, (e) => (lost = e));
  const queue = cellQueue(connection);
  try {
    const { added, retried } = await enqueueCells(queue, cells);
    options.log(`sweep: ${added} cells enqueued on ${address.url}, ${cells.length - added} already there${retried ? ` (${retried} failed ones retried)` : ''}`);
    if (options.detach) return null;
    return await waitForCells(queue, cells, (c) => {
      if (lost) options.log(`sweep: Redis connection trouble (${(lost as Error).message}); still waiting`);
      lost = null;
      options.onProgress(c);
    });
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

/** A worker process's life: take cells until SIGINT or SIGTERM, then close (the running cells' jobs go back to the queue when their locks expire). */
export async function runWorkerUntilStopped(address: RedisAddress, out: string, options: CellWorkerOptions): Promise<void> {
  const connection = redisClient(address, (e) => options.log(`worker: Redis connection trouble (${e.message})`));
  const worker = startCellWorker(connection, out, options);
  worker.on('error', (e) => options.log(`worker: ${e.message}`));
  options.log(`worker: taking cells from ${address.url} into ${out}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  options.log('worker: stopping');
  await worker.close(true);
  connection.disconnect();
}
