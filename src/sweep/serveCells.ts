import { isUserError } from '../core/errors.js';
import type { CellReply, CellRequest } from './cellProcess.js';
import { runCell } from './runCell.js';

/**
 * A cell process's side: run each cell sent over IPC and reply with its summary or its error.
 * The process exits when its parent goes away (IPC disconnect), so a killed worker leaves no
 * orphan writing into the cell's directory.
 */
export function serveCells(): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!process.send) throw new Error('cell-process: must be started by a sweep (no IPC channel)');
    process.on('disconnect', () => {
      resolve();
      process.exit(0);
    });
    process.on('message', (m: CellRequest) => {
      runCell(m.out, m.cell).then(
        (summary) => process.send!({ ok: true, summary } satisfies CellReply),
        (e: unknown) => process.send!({ ok: false, message: e instanceof Error ? e.message : String(e), userError: isUserError(e) } satisfies CellReply),
      );
    });
  });
}
