import { InputRangeError } from '../core/errors.js';
import type { Dataset } from '../data/dataset.js';
import { primitiveCounts, type ShapesTruth } from '../data/shapes/generateShapes.js';
import { primitiveTemplates } from '../data/shapes/primitives.js';
import { decorrelatedTemplates } from '../data/shapes/decorrelated.js';
import { templateOrbit } from '../data/shapes/templateOrbit.js';
import { shapesCatalogue } from '../data/shapes/catalogue.js';
import type { PrimitiveOrbit } from '../analysis/primitiveMatch.js';
import { confoundTable, type ConfoundPrimitive, type ConfoundTable } from './confoundTable.js';

/** A primitive of a synthetic world with its exact p4m orbit (every distinct image) and stabilizer. */
export type WorldPrimitive = PrimitiveOrbit & { readonly template: Float32Array; readonly stabilizerOrder: number };

/** What a synthetic world contributes: its primitives with their exact orbits, and its confound table. */
export interface WorldPrimitives {
  readonly group: string;
  readonly primitives: readonly WorldPrimitive[];
  /** Orbit size against pixel count, energy, element frequency and variance share (issue 14); null when not computed. */
  readonly confound: ConfoundTable | null;
}

/**
 * The primitives of a binary or decorrelated shapes world with their exact p4m orbits: every
 * image enumerated (templateOrbit) and checked against the group engine's orbit-stabilizer count
 * (shapesCatalogue). Null for the continuous world, whose orbits are not finite.
 */
export function shapesWorldPrimitives(truth: ShapesTruth): WorldPrimitive[] | null {
  if (truth.variant === 'continuous') return null;
  const n = truth.n;
  const catalogue = new Map(shapesCatalogue(n, { variant: truth.variant }).map((e) => [e.primitive, e]));
  const templates = truth.variant === 'binary' ? primitiveTemplates(n) : decorrelatedTemplates(n);
  return templates.map((t) => {
    const orbit = templateOrbit(n, t.pixels);
    const entry = catalogue.get(t.name)!;
    if (BigInt(orbit.size) !== entry.p4m.orbitSize) throw new InputRangeError(`shapesWorldPrimitives: the orbit of ${t.name} has ${orbit.size} images but the group engine says ${entry.p4m.orbitSize}`);
    return { name: t.name, size: orbit.size, pixels: orbit.pixels, template: t.pixels, stabilizerOrder: Number(entry.p4m.stabilizerOrder) };
  });
}

/**
 * The world's primitives as rows for the confound table: placements counted in the truth, and
 * the design's expected placements per image: the primitive's share of the weights it was drawn
 * with, times the mean number of primitives per image (counted).
 */
export function confoundPrimitives(primitives: readonly WorldPrimitive[], truth: ShapesTruth): ConfoundPrimitive[] {
  const counts = primitiveCounts(truth);
  const images = truth.scenes.length;
  const placements = Object.values(counts).reduce((a, b) => a + b, 0);
  const weights = truth.weights;
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  return primitives.map((p) => ({
    name: p.name,
    template: p.template,
    orbit: p.pixels,
    orbitSize: p.size,
    stabilizerOrder: p.stabilizerOrder,
    placements: counts[p.name] ?? 0,
    designPlacementsPerImage: ((weights[p.name] ?? 0) / total) * (placements / images),
  }));
}

/** The world of a shapes dataset (binary or decorrelated), with its confound table over all its images; null otherwise. */
export function worldOf(data: Dataset): WorldPrimitives | null {
  const truth = data.shapes;
  if (!truth) return null;
  const primitives = shapesWorldPrimitives(truth);
  if (!primitives) return null;
  const confound = confoundTable(confoundPrimitives(primitives, truth), data.pixels, data.count, data.height * data.width);
  return { group: 'p4m', primitives, confound };
}
