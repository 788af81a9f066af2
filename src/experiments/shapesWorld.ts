import { InputRangeError } from '../core/errors.js';
import type { ShapesTruth } from '../data/shapes/generateShapes.js';
import { primitiveCounts } from '../data/shapes/generateShapes.js';
import { primitiveTemplates } from '../data/shapes/primitives.js';
import { decorrelatedTemplates } from '../data/shapes/decorrelated.js';
import { templateOrbit } from '../data/shapes/templateOrbit.js';
import { shapesCatalogue } from '../data/shapes/catalogue.js';
import type { ConfoundPrimitive } from './confoundTable.js';

/** A primitive of a synthetic world with its exact p4m orbit (every distinct image) and stabilizer. */
export interface WorldPrimitive {
  readonly name: string;
  /** Orbit size |O| = number of distinct images. */
  readonly size: number;
  /** size x n*n: every distinct image of the orbit. */
  readonly pixels: Float32Array;
  /** The canonical image (n*n). */
  readonly template: Float32Array;
  readonly stabilizerOrder: number;
}

/** The primitives of a synthetic world under its group. */
export interface ShapesWorldPrimitives {
  readonly group: 'p4m';
  readonly primitives: readonly WorldPrimitive[];
}

/**
 * The primitives of a binary or decorrelated shapes world with their exact p4m orbits: every
 * image enumerated (templateOrbit) and checked against the group engine's orbit-stabilizer count
 * (shapesCatalogue). Null for the continuous world, whose orbits are not finite.
 */
export function shapesWorldPrimitives(truth: ShapesTruth): ShapesWorldPrimitives | null {
  if (truth.variant === 'continuous') return null;
  const n = truth.n;
  const catalogue = new Map(shapesCatalogue(n, { variant: truth.variant }).map((e) => [e.primitive, e]));
  const templates = truth.variant === 'binary' ? primitiveTemplates(n) : decorrelatedTemplates(n);
  return {
    group: 'p4m',
    primitives: templates.map((t) => {
      const orbit = templateOrbit(n, t.pixels);
      const entry = catalogue.get(t.name)!;
      if (BigInt(orbit.size) !== entry.p4m.orbitSize) throw new InputRangeError(`shapesWorldPrimitives: the orbit of ${t.name} has ${orbit.size} images but the group engine says ${entry.p4m.orbitSize}`);
      return { name: t.name, size: orbit.size, pixels: orbit.pixels, template: t.pixels, stabilizerOrder: Number(entry.p4m.stabilizerOrder) };
    }),
  };
}

/**
 * The world's primitives as rows for the confound table: placements counted in the truth, and
 * the design's expected placements per image: the primitive's share of the weights it was drawn
 * with, times the mean number of primitives per image (counted).
 */
export function confoundPrimitives(world: ShapesWorldPrimitives, truth: ShapesTruth): ConfoundPrimitive[] {
  const counts = primitiveCounts(truth);
  const images = truth.scenes.length;
  const placements = Object.values(counts).reduce((a, b) => a + b, 0);
  const weights = truth.weights;
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  return world.primitives.map((p) => ({
    name: p.name,
    template: p.template,
    orbit: p.pixels,
    orbitSize: p.size,
    stabilizerOrder: p.stabilizerOrder,
    placements: counts[p.name] ?? 0,
    designPlacementsPerImage: ((weights[p.name] ?? 0) / total) * (placements / images),
  }));
}
