import { z } from 'zod';
import { UserError } from '../core/errors.js';
import { parseOptions } from '../core/validate.js';
import { readConfigFile, resolveRunConfig, RunConfigSchema, type RunConfig } from '../experiments/config.js';
import { cellId } from './cellId.js';

/**
 * A sweep file: `base` holds run options for every cell; `grid` maps a run option to its list
 * of values, the cells being their product (first key slowest); `cells` lists cells one by one
 * (each merged over `base`). Both may be given: the grid's cells come first.
 */
export const SweepFileSchema = z
  .strictObject({
    base: z.record(z.string(), z.unknown()).default({}),
    grid: z.record(z.string(), z.array(z.unknown()).min(1)).default({}),
    cells: z.array(z.record(z.string(), z.unknown())).default([]),
  })
  .refine((s) => Object.keys(s.grid).length > 0 || s.cells.length > 0, { message: 'needs a grid: or a cells: list' });

export type SweepFile = z.output<typeof SweepFileSchema>;

/** One cell of a sweep: its id (hash of the config), the options that vary, and the whole config. */
export interface SweepCell {
  readonly id: string;
  /** Short label from the options that vary between cells, e.g. "model=rbm lr=0.03". */
  readonly label: string;
  /** The options that vary between the sweep's cells, as written in the file (after base). */
  readonly varying: Readonly<Record<string, unknown>>;
  readonly config: RunConfig;
}

const RUN_KEYS = new Set(Object.keys(RunConfigSchema.shape));

/** The product of the grid's value lists, first key slowest. */
function gridPoints(grid: Readonly<Record<string, readonly unknown[]>>): Record<string, unknown>[] {
  if (Object.keys(grid).length === 0) return [];
  let points: Record<string, unknown>[] = [{}];
  for (const [key, values] of Object.entries(grid)) points = points.flatMap((p) => values.map((v) => ({ ...p, [key]: v })));
  return points;
}

function formatValue(v: unknown): string {
  return Array.isArray(v) ? v.join(',') : String(v);
}

/**
 * Expand a sweep file into its cells, each resolved to a full run configuration (preset
 * defaults, --quick, base, then the cell's own options) and validated before anything runs.
 * Cells with the same configuration are one cell. Errors name the file, the cell and the option.
 */
export function expandSweep(input: unknown, where = 'sweep file'): SweepCell[] {
  const sweep = parseOptions(where, SweepFileSchema, input);
  for (const key of [...Object.keys(sweep.base), ...Object.keys(sweep.grid), ...sweep.cells.flatMap((c) => Object.keys(c))]) {
    if (!RUN_KEYS.has(key)) throw new UserError(`${where}: "${key}" is not a run option (expected one of ${[...RUN_KEYS].join(', ')})`);
  }
  const points = [...gridPoints(sweep.grid), ...sweep.cells];
  const keys = [...new Set(points.flatMap((p) => Object.keys(p)))];
  const varyingKeys = keys.filter((k) => new Set(points.map((p) => JSON.stringify(p[k] ?? sweep.base[k] ?? null))).size > 1 || Object.keys(sweep.grid).includes(k));
  const seen = new Map<string, SweepCell>();
  points.forEach((point, i) => {
    const options = { ...sweep.base, ...point };
    const describe = Object.entries(point).map(([k, v]) => `${k}=${formatValue(v)}`).join(' ');
    const config = resolveRunConfig({}, options, `${where}: cell ${i + 1}${describe ? ` (${describe})` : ''}`);
    const id = cellId(config);
    if (seen.has(id)) return;
    const varying = Object.fromEntries(varyingKeys.map((k) => [k, config[k as keyof RunConfig]]));
    const label = varyingKeys.map((k) => `${k}=${formatValue(varying[k])}`).join(' ') || id;
    seen.set(id, { id, label, varying, config });
  });
  return [...seen.values()];
}

/** Read and expand a sweep file (YAML or JSON). */
export function readSweepFile(path: string): SweepCell[] {
  return expandSweep(readConfigFile(path), path);
}
