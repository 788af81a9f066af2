/** Counts of a sweep's cells, and what the progress line shows. */
export interface SweepCounts {
  readonly total: number;
  readonly done: number;
  /** Of the done cells, those already finished before this sweep started. */
  readonly reused: number;
  readonly running: number;
  readonly failed: number;
  /** Seconds of the cells computed so far (for the ETA). */
  readonly computedSeconds: readonly number[];
  /** Cells that run at once. */
  readonly parallel: number;
}

/** Seconds left, from the mean time of the cells computed so far; null before the first one. */
export function etaSeconds(c: SweepCounts): number | null {
  if (c.computedSeconds.length === 0) return null;
  const mean = c.computedSeconds.reduce((a, b) => a + b, 0) / c.computedSeconds.length;
  const left = c.total - c.done - c.failed;
  return (mean * left) / Math.max(1, Math.min(c.parallel, left));
}

/** "1h 02m", "3m 05s", "12s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/** The progress line: "sweep: 3/8 cells done (1 reused), 2 running, 0 failed, ETA 1m 20s". */
export function formatProgress(c: SweepCounts): string {
  const eta = etaSeconds(c);
  const left = c.total - c.done - c.failed;
  return `sweep: ${c.done}/${c.total} cells done${c.reused ? ` (${c.reused} reused)` : ''}, ${c.running} running, ${c.failed} failed${left > 0 ? `, ETA ${eta === null ? '?' : formatDuration(eta)}` : ''}`;
}
