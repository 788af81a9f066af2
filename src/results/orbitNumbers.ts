/**
 * The orbit numbers of one feature under each group, as a typed union (finite: exact orders as
 * bigint; Lie: dimensions and the tangent spectrum), and the JSON boundary that writes and reads
 * them in results.json and the analysis documents. The JSON field names are the union's own;
 * the boundary adds nothing but turns the finite orders into decimal strings (bigint has no JSON
 * form) and drops `kind`, which the fields imply ('dim' marks a Lie record).
 */

/** Orbit numbers of a feature under a finite pixel group, exact after quantising to `levels`. */
export interface FiniteOrbitNumbers {
  readonly kind: 'finite';
  /** |G|, |O| = |G|/|S| and |S|; null (with `reason`) when the group does not apply. */
  readonly groupOrder: bigint | null;
  readonly orbitSize: bigint | null;
  readonly stabilizerOrder: bigint | null;
  readonly levels?: number;
  /** The stabilizer's elements in 1-based cycle notation, when it has at most 8. */
  readonly stabilizerElements?: readonly string[];
  /** The epsilon-stabilizer of the mean-centred feature: eps, |S_eps| and |G|/|S_eps|. */
  readonly eps?: number;
  readonly epsStabilizerSize?: number;
  readonly epsOrbitSize?: number;
  readonly reason?: string;
}

/** Orbit numbers of a feature under an image-plane Lie group: dimensions from the tangent rank. */
export interface LieOrbitNumbers {
  readonly kind: 'lie';
  /** dim G, dim O (tangent rank) and dim S = dim G - dim O; null (with `reason`) when undefined. */
  readonly dim: number;
  readonly orbitDim: number | null;
  readonly stabilizerDim: number | null;
  /** Singular values of the windowed tangent matrix over ||W x||, descending (6 digits). */
  readonly singularValues: readonly number[] | null;
  readonly reason?: string;
  /** Sampled epsilon-stabilizer measure and epsilon-orbit size (null: measure 0) over the group's box, with the sample count. */
  readonly epsStabilizerMeasure?: number;
  readonly epsOrbitSize?: number | null;
  readonly samples?: number;
  /** Relative rank tolerance, when recorded. */
  readonly tol?: number;
}

/** Orbit numbers under one group. */
export type GroupOrbitNumbers = FiniteOrbitNumbers | LieOrbitNumbers;

/** Orbit numbers of one feature, by group name. */
export type FeatureOrbitNumbers = Record<string, GroupOrbitNumbers>;

/** One group's orbit numbers as JSON: field -> number, decimal string, list or null. */
export type GroupOrbitNumbersJson = Record<string, number | string | number[] | string[] | null>;

/** A feature's orbit numbers as JSON, by group name (results.json's `features[].orbits`). */
export type FeatureOrbitNumbersJson = Record<string, GroupOrbitNumbersJson>;

/** The numeric orbit measures a feature can be coloured or ranked by, per kind. */
export const ORBIT_MEASURES = {
  finite: ['orbitSize', 'stabilizerOrder', 'epsStabilizerSize', 'epsOrbitSize'],
  lie: ['orbitDim', 'stabilizerDim', 'epsStabilizerMeasure', 'epsOrbitSize'],
} as const;
export type OrbitMeasureField = (typeof ORBIT_MEASURES)['finite' | 'lie'][number];

/** JSON of one group's numbers: bigints as decimal strings, `kind` dropped, field order kept. */
export function groupOrbitNumbersToJson(n: GroupOrbitNumbers): GroupOrbitNumbersJson {
  const out: GroupOrbitNumbersJson = {};
  for (const [k, v] of Object.entries(n)) {
    if (k === 'kind' || v === undefined) continue;
    out[k] = typeof v === 'bigint' ? v.toString() : Array.isArray(v) ? [...v] : v;
  }
  return out;
}

/** JSON of a feature's numbers under every group. */
export function orbitNumbersToJson(n: FeatureOrbitNumbers): FeatureOrbitNumbersJson {
  return Object.fromEntries(Object.entries(n).map(([g, r]) => [g, groupOrbitNumbersToJson(r)]));
}

const order = (v: unknown): bigint | null => (typeof v === 'string' && /^\d+$/.test(v) ? BigInt(v) : typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const opt = <K extends string, T>(key: K, v: T | null | undefined): { [P in K]?: T } => (v === null || v === undefined ? {} : ({ [key]: v } as { [P in K]?: T }));
const numbers = (v: unknown): number[] | null => (Array.isArray(v) && v.every((x) => typeof x === 'number') ? v : null);

/**
 * One group's numbers read from JSON: a record with `dim` is a Lie record, any other a finite one.
 * Older runs spelled the group order `order` and the stabilizer's elements `stabilizer`; both are
 * read. Missing or malformed numbers read as null.
 */
export function groupOrbitNumbersFromJson(j: Readonly<Record<string, unknown>>): GroupOrbitNumbers {
  const reason = typeof j.reason === 'string' ? j.reason : undefined;
  if ('dim' in j) {
    return {
      kind: 'lie',
      dim: num(j.dim) ?? NaN,
      orbitDim: num(j.orbitDim),
      stabilizerDim: num(j.stabilizerDim),
      singularValues: numbers(j.singularValues),
      ...opt('reason', reason),
      ...opt('epsStabilizerMeasure', num(j.epsStabilizerMeasure)),
      ...('epsOrbitSize' in j ? { epsOrbitSize: num(j.epsOrbitSize) } : {}),
      ...opt('samples', num(j.samples)),
      ...opt('tol', num(j.tol)),
    };
  }
  const elements = j.stabilizerElements ?? j.stabilizer;
  return {
    kind: 'finite',
    groupOrder: order(j.groupOrder ?? j.order),
    orbitSize: order(j.orbitSize),
    stabilizerOrder: order(j.stabilizerOrder),
    ...opt('levels', num(j.levels)),
    ...opt('stabilizerElements', Array.isArray(elements) ? elements.map(String) : typeof elements === 'string' ? [elements] : null),
    ...opt('eps', num(j.eps)),
    ...opt('epsStabilizerSize', num(j.epsStabilizerSize)),
    ...opt('epsOrbitSize', num(j.epsOrbitSize)),
    ...opt('reason', reason),
  };
}

/** A feature's numbers under every group, read from JSON. */
export function orbitNumbersFromJson(j: Readonly<Record<string, Readonly<Record<string, unknown>>>>): FeatureOrbitNumbers {
  return Object.fromEntries(Object.entries(j).map(([g, r]) => [g, groupOrbitNumbersFromJson(r)]));
}

/** The numeric measure `field` of one group's numbers, or null when the kind has no such field or it is undefined. */
export function orbitMeasure(n: GroupOrbitNumbers | undefined, field: OrbitMeasureField): number | null {
  if (!n) return null;
  const v = n.kind === 'finite' ? finiteField(n, field) : lieField(n, field);
  const x = typeof v === 'bigint' ? Number(v) : v;
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

function finiteField(n: FiniteOrbitNumbers, field: OrbitMeasureField): bigint | number | null | undefined {
  switch (field) {
    case 'orbitSize':
      return n.orbitSize;
    case 'stabilizerOrder':
      return n.stabilizerOrder;
    case 'epsStabilizerSize':
      return n.epsStabilizerSize;
    case 'epsOrbitSize':
      return n.epsOrbitSize;
    default:
      return null;
  }
}

function lieField(n: LieOrbitNumbers, field: OrbitMeasureField): number | null | undefined {
  switch (field) {
    case 'orbitDim':
      return n.orbitDim;
    case 'stabilizerDim':
      return n.stabilizerDim;
    case 'epsStabilizerMeasure':
      return n.epsStabilizerMeasure;
    case 'epsOrbitSize':
      return n.epsOrbitSize;
    default:
      return null;
  }
}
