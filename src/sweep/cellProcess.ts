import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../core/packageRoot.js';
import type { CellSpec, CellSummary } from './cellSummary.js';

/** The CLI entry a cell process runs (`orbitscope cell-process`, a hidden command); from the package root, as the compiled CLI lives elsewhere (docs/cli.md). */
const bin = () => join(packageRoot(), 'bin', 'orbitscope.mjs');

/** A message to a cell process: run this cell in this sweep directory. */
export type CellRequest = { readonly out: string; readonly cell: CellSpec };
/** A cell process's answer. */
export type CellReply = { readonly ok: true; readonly summary: CellSummary } | { readonly ok: false; readonly message: string; readonly userError: boolean };

/** A cell that did not finish: the message says why (the run's error, or how its process ended). */
export class CellFailure extends Error {
  constructor(
    message: string,
    readonly userError: boolean,
  ) {
    super(message);
    this.name = 'CellFailure';
  }
}

/**
 * One child process that runs cells one at a time, sent over IPC. Cells run in their own process
 * so that the sweep (or a queue worker renewing its job locks) keeps a free event loop, a crash
 * takes one cell with it, and ONNX Runtime's threads are per process.
 */
export class CellProcess {
  private child: ChildProcess | null = null;
  private pending: { resolve: (s: CellSummary) => void; reject: (e: Error) => void } | null = null;
  private stderrTail = '';

  private start(): ChildProcess {
    const child = fork(bin(), ['cell-process'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    child.stderr?.on('data', (d: Buffer) => (this.stderrTail = (this.stderrTail + d.toString()).slice(-2000)));
    child.on('message', (m: CellReply) => {
      const p = this.pending;
      this.pending = null;
      if (!p) return;
      if (m.ok) p.resolve(m.summary);
      else p.reject(new CellFailure(m.message, m.userError));
    });
    child.on('exit', (code, signal) => {
      this.child = null;
      const p = this.pending;
      this.pending = null;
      const tail = this.stderrTail.trim().split('\n').slice(-3).join(' | ');
      p?.reject(new CellFailure(`the cell's process ended (${signal ?? `exit code ${code}`})${tail ? `: ${tail}` : ''}`, false));
    });
    this.child = child;
    return child;
  }

  /** The child's process id (starting the child if it is not running). */
  get pid(): number | undefined {
    return (this.child ?? this.start()).pid;
  }

  /** Run one cell in the child; rejects with CellFailure when it fails or its process dies. */
  run(out: string, cell: CellSpec): Promise<CellSummary> {
    if (this.pending) throw new Error('CellProcess.run: a cell is already running');
    const child = this.child ?? this.start();
    this.stderrTail = '';
    return new Promise<CellSummary>((resolve, reject) => {
      this.pending = { resolve, reject };
      child.send({ out, cell } satisfies CellRequest);
    });
  }

  /** Stop the child (after its current cell, if any, is abandoned). */
  close(): void {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  }
}
