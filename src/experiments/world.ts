import { InputRangeError } from '../core/errors.js';
import type { Dataset } from '../data/dataset.js';
import { primitiveCounts, type ShapesTruth } from '../data/shapes/generateShapes.js';
import { primitiveTemplates } from '../data/shapes/primitives.js';
import { decorrelatedTemplates } from '../data/shapes/decorrelated.js';
import { templateOrbit } from '../data/shapes/templateOrbit.js';
import { shapesCatalog } from '../data/shapes/catalogue.js';
import type { PrimitiveOrbit } from '../analysis/primitiveMatch.js';
import { GL2_PRIMITIVES, gl2OrbitSample, gl2Shape, gl2Template } from '../data/shapes/segmentsFlowers.js';
import { segmentShapeOrbit } from '../actions/segmentShapeOrbit.js';
import { segmentFlowerSpectra, type PrimitiveSpectrum } from '../analysis/segmentFlowerSpectra.js';
import { confoundTable, type ConfoundPrimitive, type ConfoundTable } from './confoundTable.js';

/**
 * A primitive of a synthetic world: its orbit's elements (every distinct image of a finite orbit,
 * or a fixed sample of a continuous one; `size` rows), its stabilizer, and the orbit measure C2
 * ranks it by (the orbit size of a finite orbit, the orbit dimension of a continuous one).
 */
export type WorldPrimitive = PrimitiveOrbit & { readonly template: Float32Array; readonly stabilizerOrder: number; readonly orbitMeasure: number };

/** What a synthetic world contributes: its primitives with their orbits, and its confound table. */
export interface WorldPrimitives {
  readonly group: string;
  /**
   * What orbitMeasure and stabilizerOrder are: `orbit` heads the table column and the chart axis,
   * `short` names it in the statistic, `measured` in the method text, `stabilizer` heads its column.
   */
  readonly labels: { readonly orbit: string; readonly short: string; readonly measured: string; readonly stabilizer: string };
  readonly primitives: readonly WorldPrimitive[];
  /** Orbit size against pixel count, energy, element frequency and variance share (issue 14); null when not computed. */
  readonly confound: ConfoundTable | null;
  /** The segments-and-flowers world: GL(2) and Aff(2) tangent spectra and epsilon-volumes of its rendered primitives. */
  readonly spectra?: readonly PrimitiveSpectrum[];
}

/** The labels of a p4m world's orbit measure (the finite orbit size). */
export const P4M_LABELS: WorldPrimitives['labels'] = { orbit: 'orbit size (p4m)', short: 'orbit size', measured: 'exact p4m orbit size', stabilizer: 'stabilizer' };

/**
 * The primitives of a binary or decorrelated shapes world with their exact p4m orbits: every
 * image enumerated (templateOrbit) and checked against the group engine's orbit-stabilizer count
 * (shapesCatalogue). Null for the continuous world, whose orbits are not finite.
 */
export function shapesWorldPrimitives(truth: ShapesTruth): WorldPrimitive[] | null {
  if (truth.variant === 'continuous' || truth.variant === 'gl2') return null;
  const n = truth.n;
  const catalogue = new Map(shapesCatalog(n, { variant: truth.variant }).map((e) => [e.primitive, e]));
  const templates = truth.variant === 'binary' ? primitiveTemplates(n) : decorrelatedTemplates(n);
  return templates.map((t) => {
    const orbit = templateOrbit(n, t.pixels);
    const entry = catalogue.get(t.name)!;
    if (BigInt(orbit.size) !== entry.p4m.orbitSize) throw new InputRangeError(`shapesWorldPrimitives: the orbit of ${t.name} has ${orbit.size} images but the group engine says ${entry.p4m.orbitSize}`);
    return { name: t.name, size: orbit.size, pixels: orbit.pixels, template: t.pixels, stabilizerOrder: Number(entry.p4m.stabilizerOrder), orbitMeasure: orbit.size };
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
    orbitSize: p.orbitMeasure,
    elementCount: p.size,
    stabilizerOrder: p.stabilizerOrder,
    placements: counts[p.name] ?? 0,
    designPlacementsPerImage: ((weights[p.name] ?? 0) / total) * (placements / images),
  }));
}

/**
 * The primitives of the segments-and-flowers world (shapes variant gl2): a fixed sample of each
 * primitive's orbit under the world's affine maps (gl2OrbitSample), ranked by the Aff(2) orbit
 * dimension of the ideal shape (closed form: 4 for a segment, 6 for a flower); the stabilizer
 * column is the stabilizer dimension, 6 minus it.
 */
export function gl2WorldPrimitives(n: number): WorldPrimitive[] {
  return GL2_PRIMITIVES.map((name) => {
    const orbit = gl2OrbitSample(name, n);
    const dim = segmentShapeOrbit(gl2Shape(name, n), 'aff2').orbitDim;
    return { name, size: orbit.size, pixels: orbit.pixels, template: gl2Template(name, n), stabilizerOrder: 6 - dim, orbitMeasure: dim };
  });
}

/** The world of a shapes dataset (binary, decorrelated or gl2), with its confound table over all its images; null otherwise. */
export async function worldOf(data: Dataset): Promise<WorldPrimitives | null> {
  const truth = data.shapes;
  if (!truth) return null;
  const d = data.height * data.width;
  if (truth.variant === 'gl2') {
    const spectra = await segmentFlowerSpectra(truth.n);
    const primitives = gl2WorldPrimitives(truth.n);
    const confound = confoundTable(confoundPrimitives(primitives, truth), data.pixels, data.count, d);
    return { group: 'Aff(2)', labels: { orbit: 'Aff(2) orbit dimension (ideal shape)', short: 'Aff(2) orbit dimension', measured: 'Aff(2) orbit dimension (closed form for the ideal shape: 4 for a segment, 6 for a flower)', stabilizer: 'stabilizer dimension' }, primitives, confound, spectra };
  }
  const primitives = shapesWorldPrimitives(truth);
  if (!primitives) return null;
  const confound = confoundTable(confoundPrimitives(primitives, truth), data.pixels, data.count, d);
  return { group: 'p4m', labels: P4M_LABELS, primitives, confound };
}
