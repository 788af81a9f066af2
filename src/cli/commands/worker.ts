import { resolve } from 'node:path';
import type { Action } from '../program.js';
import { makeOutputDirectory } from '../../core/outputs.js';
import { checkRedis, parseRedisUrl } from '../../sweep/redisConnection.js';
import { runWorkerUntilStopped } from '../../sweep/queueSweep.js';

export interface WorkerFlags {
  queue: string;
  out: string;
  concurrency: number;
  lockSeconds: number;
  quiet?: boolean;
}

/** `orbitscope worker`: take sweep cells from the queue and run them into the shared sweep directory, until stopped. */
export const handle: Action<WorkerFlags> = async (f, _args, io) => {
  const address = parseRedisUrl(f.queue);
  makeOutputDirectory('--out', f.out);
  await checkRedis(address);
  await runWorkerUntilStopped(address, resolve(f.out), { concurrency: f.concurrency, lockMs: Math.round(f.lockSeconds * 1000), log: (l) => f.quiet || io.err(l) });
};
