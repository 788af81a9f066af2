import { UserError } from '../core/errors.js';
import type { ShapesOptions } from './shapes/generateShapes.js';

/** Options of the natural-image patch loader. */
export interface NaturalOptions {
  /** Patch side in pixels, 8..64 (default 12). */
  readonly patch?: number;
  /** Number of patches (default 50000). */
  readonly count?: number;
  /** ZCA-whiten the normalised patches (default false). */
  readonly whiten?: boolean;
  /** ZCA regulariser added to the eigenvalues (default 0.1, for unit-variance patches). */
  readonly epsilon?: number;
  /** Seed of the patch positions (default 0). */
  readonly seed?: number;
  /** Patches whose gray-level standard deviation (in [0,1] units) is below this are redrawn (default 0.01). */
  readonly minStd?: number;
  /** RGB patches (3 x patch x patch per sample) instead of gray (default false). */
  readonly color?: boolean;
}

/** A parsed dataset spec. Paths are as given (relative paths resolve against the loader's cwd). */
export type DatasetSpec =
  | { readonly kind: 'shapes'; readonly options: ShapesOptions }
  | { readonly kind: 'mnist'; readonly options: { readonly count?: number } }
  | { readonly kind: 'idx'; readonly images: string; readonly labels?: string; readonly options: { readonly count?: number } }
  | { readonly kind: 'natural'; readonly dir: string; readonly options: NaturalOptions }
  | { readonly kind: 'npy'; readonly file: string; readonly options: { readonly height?: number; readonly width?: number } };

type Parser = (value: string, key: string) => unknown;

function bad(spec: string, message: string): UserError {
  return new UserError(`data spec "${spec}": ${message}`);
}

/** A parser of numbers in [min, max] that pass `ok` ("an integer", "a number"). */
const ranged =
  (what: string, ok: (x: number) => boolean, top: number) =>
  (spec: string, min: number, max = top): Parser =>
  (v, key) => {
    const x = Number(v);
    if (v.trim() === '' || !ok(x)) throw bad(spec, `${key} must be ${what}, got "${v}"`);
    // the range in words (never "Infinity") and the user's own text
    if (x < min || x > max) throw bad(spec, `${key} must be ${what} ${max === Infinity ? `of at least ${min}` : `in [${min}, ${max}]`}, got ${v.trim()}`);
    return x;
  };
const int = ranged('an integer', Number.isInteger, Number.MAX_SAFE_INTEGER);
const num = ranged('a number', Number.isFinite, Infinity);
const bool =
  (spec: string): Parser =>
  (v, key) => {
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    throw bad(spec, `${key} must be true or false, got "${v}"`);
  };
const oneOf =
  (spec: string, choices: readonly string[]): Parser =>
  (v, key) => {
    if (!choices.includes(v)) throw bad(spec, `${key} must be one of ${choices.join(', ')}, got "${v}"`);
    return v;
  };
/** "line:2+bar+dot:0.5" -> { line: 2, bar: 1, dot: 0.5 } (names are checked by the generator). */
const weights =
  (spec: string): Parser =>
  (v, key) => {
    const out: Record<string, number> = {};
    for (const part of v.split('+')) {
      const [name, w, extra] = part.split(':');
      const x = w === undefined ? 1 : Number(w);
      if (!name || extra !== undefined || (w !== undefined && (w.trim() === '' || !Number.isFinite(x) || x < 0))) {
        throw bad(spec, `${key} must look like "line:2+bar+dot:0.5" (names with optional weights >= 0), got "${v}"`);
      }
      out[name] = x;
    }
    return out;
  };

function keyValues(spec: string, kind: string, items: readonly string[], parsers: Record<string, Parser>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw bad(spec, `expected key=value, got "${item}"`);
    const key = item.slice(0, eq).trim();
    const parser = parsers[key];
    if (!parser) throw bad(spec, `unknown key "${key}" for ${kind}; known keys: ${Object.keys(parsers).join(', ') || '(none)'}`);
    if (key in out) throw bad(spec, `key "${key}" given twice`);
    out[key] = parser(item.slice(eq + 1).trim(), key);
  }
  return out;
}

/** The dataset kinds a spec can name. */
export const DATASET_KINDS = ['shapes', 'mnist', 'idx', 'natural', 'npy'] as const;

/**
 * Parse a dataset spec: `shapes[:n=16,count=20000,seed=0,variant=binary|continuous|decorrelated|gl2,noise=0,
 * primitives=line:2+bar+dot,minPrimitives=1,maxPrimitives=3]`, `mnist[:count=N]`,
 * `idx:IMAGES[,LABELS][,count=N]`, `natural:DIR[,patch=12,count=50000,whiten=false,epsilon=0.1,
 * seed=0,minStd=0.01,color=false]`, `npy:FILE[,height=H,width=W]` (rank 4 (N, C, H, W) for colour). Unknown keys and bad values throw a
 * UserError naming the key.
 */
export function parseDatasetSpec(spec: string): DatasetSpec {
  const colon = spec.indexOf(':');
  const kind = (colon < 0 ? spec : spec.slice(0, colon)).trim();
  const rest = colon < 0 ? '' : spec.slice(colon + 1);
  const items = rest === '' ? [] : rest.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw bad(spec, 'empty item between commas');
  switch (kind) {
    case 'shapes':
      return {
        kind,
        options: keyValues(spec, kind, items, {
          n: int(spec, 6, 256),
          count: int(spec, 1, 10_000_000),
          seed: int(spec, -(2 ** 31), 2 ** 31 - 1),
          variant: oneOf(spec, ['binary', 'continuous', 'decorrelated', 'gl2']),
          noise: num(spec, 0),
          primitives: weights(spec),
          minPrimitives: int(spec, 1, 16),
          maxPrimitives: int(spec, 1, 16),
        }) as ShapesOptions,
      };
    case 'mnist':
      return { kind, options: keyValues(spec, kind, items, { count: int(spec, 1, 10_000) }) };
    case 'idx': {
      const paths = items.filter((s) => !s.includes('='));
      if (paths.length < 1 || paths.length > 2) throw bad(spec, `idx needs an images file and optionally a labels file, got ${paths.length} path(s)`);
      const options = keyValues(spec, kind, items.filter((s) => s.includes('=')), { count: int(spec, 1) });
      return { kind, images: paths[0], ...(paths[1] !== undefined ? { labels: paths[1] } : {}), options };
    }
    case 'natural': {
      const [dir, ...kv] = items;
      if (!dir || dir.includes('=')) throw bad(spec, 'natural needs a folder: natural:DIR[,patch=12,...]');
      return {
        kind,
        dir,
        options: keyValues(spec, kind, kv, {
          patch: int(spec, 8, 64),
          count: int(spec, 1, 10_000_000),
          whiten: bool(spec),
          epsilon: num(spec, 0),
          seed: int(spec, -(2 ** 31), 2 ** 31 - 1),
          minStd: num(spec, 0),
          color: bool(spec),
        }),
      };
    }
    case 'npy': {
      const [file, ...kv] = items;
      if (!file || file.includes('=')) throw bad(spec, 'npy needs a file: npy:FILE[,height=H,width=W]');
      return { kind, file, options: keyValues(spec, kind, kv, { height: int(spec, 1), width: int(spec, 1) }) };
    }
    default:
      throw bad(spec, `unknown dataset "${kind}"; expected one of ${DATASET_KINDS.join(', ')}`);
  }
}
