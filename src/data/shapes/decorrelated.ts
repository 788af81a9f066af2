import { RandomSource } from '../../core/random.js';
import { checkInteger } from '../../core/validate.js';
import { InputRangeError } from '../../core/errors.js';
import { d4Element, D4_ELEMENT_NAMES, p4mLinearPart, type D4ElementName } from '../../groups/perm/p4mElement.js';
import { templateOrbit } from './templateOrbit.js';

/**
 * The primitives of the decorrelated shapes world (issue 14): every one has exactly n pixels on
 * the n x n torus (so equal pixel count and energy sqrt(n)), and the orbit sizes under p4m run
 * from 2n to 8n^2. At each orbit size above 4n there is a compact primitive (pixels within a
 * small disk, energy at low spatial frequencies) and a spread one (pixels anywhere on the torus,
 * a flat spectrum), so that the variance a primitive explains in the data, which follows its
 * spectrum, is not ordered by orbit size.
 */
export const DECORRELATED_PRIMITIVES = [
  'line',
  'diagonal',
  'zigzag',
  'compactD4',
  'spreadD4',
  'compactD2',
  'spreadD2',
  'compactMirror',
  'spreadMirror',
  'compactAsymmetric',
  'spreadAsymmetric',
] as const;
export type DecorrelatedPrimitive = (typeof DECORRELATED_PRIMITIVES)[number];

/** Smallest and largest torus side of the decorrelated world (n even, for the zigzag). */
export const DECORRELATED_N = { min: 8, max: 32 } as const;

/** One primitive of the decorrelated world: its canonical image and its point symmetry by design. */
export interface DecorrelatedTemplate {
  readonly name: DecorrelatedPrimitive;
  readonly n: number;
  /** n x n, values exactly 0 or 1, n pixels set. */
  readonly pixels: Float32Array;
  /** The template's centre pixel [row, col]; reported as the placement's position. */
  readonly anchor: readonly [number, number];
  /** Order of the p4m stabilizer the construction aims at (checked against the group engine). */
  readonly designStabilizer: number;
  readonly description: string;
}

type Offset = readonly [number, number];
/** Point symmetries about a pixel centre, as maps of offsets (dr, dc): the linear parts of named D4 elements. */
function offsetMaps(names: readonly D4ElementName[]): ((p: Offset) => Offset)[] {
  return names.map((name) => {
    const [a, b, c, d] = p4mLinearPart(d4Element(name));
    return (p: Offset): Offset => [a * p[0] + b * p[1], c * p[0] + d * p[1]];
  });
}
const SUBGROUPS = {
  d4: offsetMaps(D4_ELEMENT_NAMES),
  d2: offsetMaps(['e', 'flip-h', 'flip-v', 'r180']),
  mirror: offsetMaps(['e', 'flip-h']),
  trivial: offsetMaps(['e']),
} as const;
type Symmetry = keyof typeof SUBGROUPS;

const mod = (a: number, n: number) => ((a % n) + n) % n;

// Fixed seed of the random constructions: the world is part of the experiment's design, so its
// primitives never change between runs (the catalogue recomputes their symmetry every time).
const DESIGN_SEED = 1412_6621 + 14;

/**
 * n pixels made of whole orbits of offsets under `symmetry`, drawn at random from the offsets
 * within `radius` (Euclidean, pixels) of the centre; redrawn until the p4m stabilizer of the
 * image has exactly the order of the point group (no accidental extra symmetry, no translation
 * period). Hand-written because the construction is specific to this world.
 */
function symmetricPattern(n: number, symmetry: Symmetry, radius: number, rng: RandomSource): Float32Array {
  const ops = SUBGROUPS[symmetry];
  const half = Math.floor((n - 1) / 2);
  const c = half;
  const orbits = new Map<string, Offset[]>();
  for (let dr = -half; dr <= half; dr++) {
    for (let dc = -half; dc <= half; dc++) {
      if (Math.hypot(dr, dc) > radius) continue;
      const orbit = ops.map((g) => g([dr, dc]));
      const key = orbit.map((p) => `${p[0]},${p[1]}`).sort()[0];
      if (!orbits.has(key)) orbits.set(key, [...new Map(orbit.map((p) => [`${p[0]},${p[1]}`, p])).values()]);
    }
  }
  const pool = [...orbits.values()];
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const order = rng.permutation(pool.length);
    const chosen: Offset[] = [];
    for (const i of order) {
      if (chosen.length + pool[i].length <= n) chosen.push(...pool[i]);
      if (chosen.length === n) break;
    }
    if (chosen.length !== n) continue;
    const pixels = new Float32Array(n * n);
    for (const [dr, dc] of chosen) pixels[mod(c + dr, n) * n + mod(c + dc, n)] = 1;
    if (templateOrbit(n, pixels).size * ops.length === 8 * n * n) return pixels;
  }
  throw new InputRangeError(`decorrelatedTemplates: no ${symmetry} pattern of ${n} pixels within radius ${radius} on a ${n} x ${n} torus`);
}

/**
 * The canonical templates of the decorrelated world on the n x n torus (n even, 8..32), in
 * DECORRELATED_PRIMITIVES order. line, diagonal: full-length lines (p4m orbit 2n); zigzag: row c
 * on even columns and row c+1 on odd columns (orbit 4n); the others are random patterns of n
 * pixels with the named point symmetry about the centre pixel and no translation period (orbit
 * 8n^2 / |point group|), compact ones within radius sqrt(1.4n/pi)+0.5 (a disk of about 1.5 n
 * pixels) and spread ones anywhere on the torus. Deterministic (fixed design seed).
 */
export function decorrelatedTemplates(n: number): DecorrelatedTemplate[] {
  checkInteger('decorrelatedTemplates', 'n', n, DECORRELATED_N.min, DECORRELATED_N.max);
  if (n % 2 !== 0) throw new InputRangeError(`decorrelatedTemplates: n must be even (the zigzag closes on the torus), got ${n}`);
  // the construction redraws until the symmetry is exact (a second or so): built once per n
  let built = cache.get(n);
  if (!built) cache.set(n, (built = build(n)));
  return built.map((t) => ({ ...t, pixels: t.pixels.slice() }));
}

const cache = new Map<number, DecorrelatedTemplate[]>();

function build(n: number): DecorrelatedTemplate[] {
  const c = Math.floor((n - 1) / 2);
  const rng = RandomSource.fromSeed(DESIGN_SEED);
  const compact = Math.sqrt((1.4 * n) / Math.PI) + 0.5;
  const spread = n;
  const out: DecorrelatedTemplate[] = [];
  const add = (name: DecorrelatedPrimitive, pixels: Float32Array, designStabilizer: number, description: string) => out.push({ name, n, pixels, anchor: [c, c], designStabilizer, description });
  const line = new Float32Array(n * n);
  const diagonal = new Float32Array(n * n);
  const zigzag = new Float32Array(n * n);
  for (let k = 0; k < n; k++) {
    line[c * n + k] = 1;
    diagonal[k * n + k] = 1;
    zigzag[(k % 2 === 0 ? c : c + 1) * n + k] = 1;
  }
  add('line', line, 4 * n, `a full-length horizontal line (${n} pixels)`);
  add('diagonal', diagonal, 4 * n, `a full-length diagonal line (${n} pixels)`);
  add('zigzag', zigzag, 2 * n, `a two-row zigzag: row c on even columns, row c+1 on odd ones (${n} pixels)`);
  const labels: Record<Symmetry, string> = { d4: 'D4', d2: 'D2 (both axis mirrors)', mirror: 'one mirror', trivial: 'no' };
  const names: Record<Symmetry, [DecorrelatedPrimitive, DecorrelatedPrimitive]> = {
    d4: ['compactD4', 'spreadD4'],
    d2: ['compactD2', 'spreadD2'],
    mirror: ['compactMirror', 'spreadMirror'],
    trivial: ['compactAsymmetric', 'spreadAsymmetric'],
  };
  for (const s of ['d4', 'd2', 'mirror', 'trivial'] as const) {
    const order = SUBGROUPS[s].length;
    add(names[s][0], symmetricPattern(n, s, compact, rng.fork(out.length)), order, `${n} pixels with ${labels[s]} symmetry within radius ${compact.toFixed(2)} of the centre`);
    add(names[s][1], symmetricPattern(n, s, spread, rng.fork(out.length)), order, `${n} pixels with ${labels[s]} symmetry anywhere on the torus`);
  }
  return out;
}
