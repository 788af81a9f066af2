import type { Action } from '../program.js';
import { serveSeeds } from '../../experiments/seedProcesses.js';

/** `orbitscope seed-process` (hidden): a run's child that trains and analyses the seeds it is sent. */
export const handle: Action<object> = async () => {
  await serveSeeds();
};
