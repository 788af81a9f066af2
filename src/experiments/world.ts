import type { Dataset } from '../data/dataset.js';
import { primitiveTemplates } from '../data/shapes/primitives.js';
import { templateOrbit } from '../data/shapes/templateOrbit.js';
import { shapesCatalogue } from '../data/shapes/catalogue.js';
import type { PrimitiveOrbit } from '../analysis/primitiveMatch.js';

/** What a synthetic world contributes: its primitives with their exact orbits. */
export interface WorldPrimitives {
  readonly group: string;
  readonly primitives: readonly (PrimitiveOrbit & { template: Float32Array; stabilizerOrder: number })[];
}

/** The world's primitives for a binary shapes dataset (exact orbits from the group engine). */
export function worldOf(data: Dataset): WorldPrimitives | null {
  const truth = data.shapes;
  if (!truth || truth.variant !== 'binary') return null;
  const n = truth.n;
  const catalogue = new Map(shapesCatalogue(n).map((e) => [e.primitive, e]));
  return {
    group: 'p4m',
    primitives: primitiveTemplates(n).map((t) => {
      const orbit = templateOrbit(n, t.pixels);
      const entry = catalogue.get(t.name)!;
      if (BigInt(orbit.size) !== entry.p4m.orbitSize) throw new Error(`run: the orbit of ${t.name} has ${orbit.size} images but the group engine says ${entry.p4m.orbitSize}`);
      return { name: t.name, size: orbit.size, pixels: orbit.pixels, template: t.pixels, stabilizerOrder: Number(entry.p4m.stabilizerOrder) };
    }),
  };
}
