import type { Action } from '../program.js';
import { serveCells } from '../../sweep/serveCells.js';

/** `orbitscope cell-process` (hidden): a sweep's or worker's child that runs the cells it is sent. */
export const handle: Action<object> = async () => {
  await serveCells();
};
