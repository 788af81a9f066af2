import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RunConfig } from '../experiments/config.js';
import { readCellClaims } from './cellResults.js';

/** What travels back from a cell: small enough for an IPC message or a queue job's return value. */
export interface CellSummary {
  readonly id: string;
  /** Verdict per claim id. */
  readonly verdicts: Readonly<Record<string, string>>;
  /** Seconds this call spent (0 when the cell was already finished). */
  readonly seconds: number;
  /** True when results.json was already there and nothing ran. */
  readonly reused: boolean;
}

/** A cell to run: its id and configuration (the run directory is `<out>/cells/<id>`). */
export interface CellSpec {
  readonly id: string;
  readonly config: RunConfig;
}

/** The run directory of a cell in a sweep directory. */
export function cellDir(out: string, id: string): string {
  return join(out, 'cells', id);
}

/** The summary of a cell from its results.json. */
export function summarizeCell(out: string, id: string, seconds: number, reused: boolean): CellSummary {
  const verdicts = Object.fromEntries(readCellClaims(join(cellDir(out, id), 'results.json')).map((c) => [c.claim, c.verdict]));
  return { id, verdicts, seconds, reused };
}

/** The summary of a cell that is already finished (its results.json exists), else null. */
export function finishedCell(out: string, id: string): CellSummary | null {
  return existsSync(join(cellDir(out, id), 'results.json')) ? summarizeCell(out, id, 0, true) : null;
}
