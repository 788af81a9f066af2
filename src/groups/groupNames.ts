/**
 * The one registry of group names: every group Orbitscope measures, by the name the CLI, the run
 * configuration, analysis, the experiments and the explorer spell it, with its kind, the
 * literature's spellings accepted as aliases, and the uses it serves. Names only, no group code,
 * so that `--help` lists them without loading it; `pixelGroup` and `lieGroup` build the groups.
 */

/** Image-plane Lie groups (src/groups/lie), in a stable order. */
export const LIE_GROUP_NAMES = ['t2', 'so2', 'scale', 'se2', 'sim2', 'gl2', 'aff2'] as const;
export type LieGroupName = (typeof LIE_GROUP_NAMES)[number];

/** Finite pixel permutation groups of an h x w image (src/groups/perm/named.ts), in a stable order. */
export const FINITE_GROUP_NAMES = ['translations', 'd4', 'c4', 'p4m', 'symmetric'] as const;
export type FiniteGroupName = (typeof FINITE_GROUP_NAMES)[number];

export type GroupName = FiniteGroupName | LieGroupName;
export type GroupKind = 'finite' | 'lie';

/** Finite groups whose orbits of learned features the analysis measures (run --groups, analyze --group). */
export const FEATURE_FINITE_GROUPS = ['translations', 'd4', 'p4m'] as const satisfies readonly FiniteGroupName[];
export type FeatureFiniteGroupName = (typeof FEATURE_FINITE_GROUPS)[number];

/** Every group the analysis of learned features understands: its finite groups, then every Lie group. */
export const FEATURE_GROUP_NAMES = [...FEATURE_FINITE_GROUPS, ...LIE_GROUP_NAMES] as const;
export type FeatureGroupName = (typeof FEATURE_GROUP_NAMES)[number];

/** Symmetries of the n x n pixel grid (what `count` counts colourings up to). */
export const GRID_GROUPS = ['translations', 'd4', 'c4', 'p4m'] as const satisfies readonly FiniteGroupName[];
export type GridGroupName = (typeof GRID_GROUPS)[number];

/** Lie groups that have an image shadow (a nearest group element to a trained layer). */
export const LIE_SHADOW_GROUPS = ['se2', 'sim2', 'gl2', 'aff2'] as const satisfies readonly LieGroupName[];
export type LieShadowGroupName = (typeof LIE_SHADOW_GROUPS)[number];

/** What the registry knows of one name. */
export interface GroupNameEntry {
  readonly name: GroupName;
  readonly kind: GroupKind;
  /** Other spellings accepted by `resolveGroupName` (the literature's notation). */
  readonly aliases: readonly string[];
  /** One line: what the group is. */
  readonly summary: string;
  /** Finite groups: whether the image must be square (h = w). */
  readonly square: boolean;
}

/** Every group name with its kind, aliases and summary. */
export const GROUP_REGISTRY: { readonly [N in GroupName]: GroupNameEntry & { readonly name: N } } = {
  translations: { name: 'translations', kind: 'finite', aliases: ['Z_h x Z_w'], summary: 'cyclic shifts of the h x w torus (order h w)', square: false },
  d4: { name: 'd4', kind: 'finite', aliases: ['D4'], summary: 'the 8 symmetries of the square grid about its centre', square: true },
  c4: { name: 'c4', kind: 'finite', aliases: ['C4'], summary: 'the 4 rotations of the square grid about its centre', square: true },
  p4m: { name: 'p4m', kind: 'finite', aliases: ['*442'], summary: 'torus translations with D4 (order 8 n^2)', square: true },
  symmetric: { name: 'symmetric', kind: 'finite', aliases: ['S_n'], summary: 'every permutation of the pixels', square: false },
  t2: { name: 't2', kind: 'lie', aliases: ['T(2)'], summary: 'translations of the plane (dim 2)', square: false },
  so2: { name: 'so2', kind: 'lie', aliases: ['SO(2)'], summary: 'rotations about the image centre (dim 1)', square: false },
  scale: { name: 'scale', kind: 'lie', aliases: ['R+'], summary: 'isotropic scalings about the image centre (dim 1)', square: false },
  se2: { name: 'se2', kind: 'lie', aliases: ['SE(2)'], summary: 'rotations and translations (dim 3)', square: false },
  sim2: { name: 'sim2', kind: 'lie', aliases: ['Sim(2)'], summary: 'rotations, scalings and translations (dim 4)', square: false },
  gl2: { name: 'gl2', kind: 'lie', aliases: ['GL(2)'], summary: 'invertible linear maps about the image centre (dim 4)', square: false },
  aff2: { name: 'aff2', kind: 'lie', aliases: ['Aff(2)'], summary: 'invertible affine maps (dim 6)', square: false },
};

const byAlias = new Map<string, GroupName>(Object.values(GROUP_REGISTRY).flatMap((e) => [[e.name, e.name] as const, ...e.aliases.map((a) => [a, e.name] as const)]));

/** The registry name of `name` or one of its aliases; undefined for an unknown name. */
export function resolveGroupName(name: string): GroupName | undefined {
  return byAlias.get(name);
}

/** True when `name` is a finite group's registry name. */
export function isFiniteGroupName(name: string): name is FiniteGroupName {
  return (FINITE_GROUP_NAMES as readonly string[]).includes(name);
}

/** True when `name` is a Lie group's registry name. */
export function isLieGroupName(name: string): name is LieGroupName {
  return (LIE_GROUP_NAMES as readonly string[]).includes(name);
}

/** True when `name` is a finite group measured on learned features. */
export function isFeatureFiniteGroup(name: string): name is FeatureFiniteGroupName {
  return (FEATURE_FINITE_GROUPS as readonly string[]).includes(name);
}

/** True when `name` is a group the analysis of learned features understands. */
export function isFeatureGroupName(name: string): name is FeatureGroupName {
  return (FEATURE_GROUP_NAMES as readonly string[]).includes(name);
}
