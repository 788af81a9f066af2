import { imageStabilizer } from '../../actions/imageStabilizer.js';
import { gridD4, p4m, torusTranslations } from '../../groups/perm/named.js';
import type { PermGroup } from '../../groups/perm/PermGroup.js';
import { checkInteger } from '../../core/validate.js';
import { MIN_SHAPES_N, primitiveTemplates } from './primitives.js';
import { continuousTemplates } from './continuous.js';
import { decorrelatedTemplates } from './decorrelated.js';
import { GL2_PRIMITIVES, gl2Template } from './segmentsFlowers.js';
import type { ShapesVariant } from './generateShapes.js';

/** Orbit size and stabilizer order of one template under one group; orbitSize * stabilizerOrder = groupOrder. */
export interface OrbitCount {
  readonly groupOrder: bigint;
  readonly orbitSize: bigint;
  readonly stabilizerOrder: bigint;
}

/** One primitive's symmetry under the three pixel groups of the n x n torus. */
export interface CatalogEntry {
  readonly primitive: string;
  readonly n: number;
  /** Cyclic translations Z_n x Z_n (torusTranslations(n, n)), order n^2. */
  readonly translations: OrbitCount;
  /** D4 of the square grid about its centre (gridD4(n)), order 8; depends on where the template sits. */
  readonly d4: OrbitCount;
  /** p4m on the torus (p4m(n)), order 8 n^2: the group the binary placements are drawn from. */
  readonly p4m: OrbitCount;
}

function count(group: PermGroup, pixels: Float32Array, levels: number | undefined): OrbitCount {
  const r = imageStabilizer(group, pixels, levels === undefined ? {} : { levels });
  return { groupOrder: group.order(), orbitSize: r.orbitSize, stabilizerOrder: r.stabilizerOrder };
}

/**
 * The symmetry catalogue of the shapes world on the n x n torus: for every primitive's canonical
 * template, the exact orbit size and stabilizer order under torus translations, D4 and p4m,
 * computed by the group engine (imageStabilizer; orbit-stabilizer theorem |O| |S| = |G|), never
 * typed in. Binary templates are compared exactly (values 0/1). For the continuous variant the
 * canonical renderings (centre (n/2, n/2), angle 0; gl2: the identity map) are quantised to `levels` gray levels
 * (default 256) first; those numbers describe the finite pixel groups only, not SE(2).
 * Example: on 16 x 16, the dot has p4m orbit 256 and stabilizer 8; the blob has orbit 2048.
 */
export function shapesCatalog(n = 16, options: { variant?: ShapesVariant; levels?: number } = {}): CatalogEntry[] {
  checkInteger('shapesCatalog', 'n', n, MIN_SHAPES_N, 256);
  const variant = options.variant ?? 'binary';
  const levels = variant === 'continuous' || variant === 'gl2' ? (options.levels ?? 256) : options.levels;
  const groups = { translations: torusTranslations(n, n), d4: gridD4(n), p4m: p4m(n) };
  const templates =
    variant === 'binary'
      ? primitiveTemplates(n)
      : variant === 'decorrelated'
        ? decorrelatedTemplates(n)
        : variant === 'gl2'
          ? GL2_PRIMITIVES.map((name) => ({ name, pixels: gl2Template(name, n) }))
          : continuousTemplates(n);
  return templates.map((t) => ({
    primitive: t.name,
    n,
    translations: count(groups.translations, t.pixels, levels),
    d4: count(groups.d4, t.pixels, levels),
    p4m: count(groups.p4m, t.pixels, levels),
  }));
}

/** The catalogue with bigints as numbers (all are below 2^53 for n <= 256), for JSON output. */
export function catalogJson(entries: readonly CatalogEntry[]): Array<Record<string, unknown>> {
  const num = (c: OrbitCount) => ({ groupOrder: Number(c.groupOrder), orbitSize: Number(c.orbitSize), stabilizerOrder: Number(c.stabilizerOrder) });
  return entries.map((e) => ({ primitive: e.primitive, n: e.n, translations: num(e.translations), d4: num(e.d4), p4m: num(e.p4m) }));
}
