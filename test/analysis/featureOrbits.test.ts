import { describe, expect, it } from 'vitest';
import { orbitNumbersToJson } from '../../src/results/orbitNumbers.js';
import { featureOrbits } from '../../src/analysis/featureOrbits.js';
import { matchPrimitives } from '../../src/analysis/primitiveMatch.js';
import { primitiveTemplate, primitiveTemplates } from '../../src/data/shapes/primitives.js';
import { templateOrbit } from '../../src/data/shapes/templateOrbit.js';
import { applyP4m } from '../../src/data/shapes/applyP4m.js';
import { shapesCatalog } from '../../src/data/shapes/catalogue.js';
import { gaussianBlob } from '../../src/testing/index.js';

const n = 12;

describe('featureOrbits', () => {
  const catalogue = new Map(shapesCatalog(n).map((e) => [e.primitive, e]));

  for (const name of ['line', 'plus', 'blob'] as const) {
    it(`featureOrbits of the exact ${name} primitive gives the group engine's orbit numbers under translations, d4 and p4m`, async () => {
      const t = primitiveTemplate(name, n);
      const [o] = (await featureOrbits(t.pixels, 1, n, n, { groups: ['translations', 'd4', 'p4m'], levels: 2, tol: 0.01, eps: null })).map(orbitNumbersToJson);
      const e = catalogue.get(name)!;
      for (const g of ['translations', 'd4', 'p4m'] as const) {
        expect(o[g].orbitSize, `${name} ${g}`).toBe(e[g].orbitSize.toString());
        expect(o[g].stabilizerOrder).toBe(e[g].stabilizerOrder.toString());
        expect(BigInt(o[g].orbitSize as string) * BigInt(o[g].stabilizerOrder as string)).toBe(BigInt(o[g].groupOrder as string));
      }
    });
  }

  it('featureOrbits lists the elements of a small stabilizer: the plus is fixed by the 8 elements of D4 about its centre', async () => {
    const [o] = (await featureOrbits(primitiveTemplate('plus', n).pixels, 1, n, n, { groups: ['p4m'], levels: 2, tol: 0.01, eps: null })).map(orbitNumbersToJson);
    expect(o.p4m.stabilizerOrder).toBe('8');
    expect(o.p4m.stabilizerElements).toHaveLength(8);
    expect((o.p4m.stabilizerElements as string[]).includes('()')).toBe(true);
  });

  it('featureOrbits of a centred isotropic Gaussian has SO(2) stabilizer dimension 1 and SE(2) orbit dimension 2', async () => {
    const size = 21;
    const blob = Float32Array.from(gaussianBlob(size, size, 3));
    const [o] = (await featureOrbits(blob, 1, size, size, { groups: ['so2', 'se2'], levels: 3, tol: 0.01, eps: null })).map(orbitNumbersToJson);
    expect(o.so2.stabilizerDim).toBe(1);
    expect(o.se2.orbitDim).toBe(2);
    expect(o.se2.stabilizerDim).toBe(1);
  });

  it('featureOrbits gives the epsilon-orbit of a centred feature: an exact line has |G| / |S| = 24 at any eps', async () => {
    const [o] = (await featureOrbits(primitiveTemplate('line', n).pixels, 1, n, n, { groups: ['p4m'], levels: 2, tol: 0.01, eps: null, finiteEps: 0.01 })).map(orbitNumbersToJson);
    expect(o.p4m.epsOrbitSize).toBe(24);
  });
});

describe('matchPrimitives', () => {
  it('matchPrimitives matches a rotated and shifted copy of a primitive to that primitive with cosine above 0.99', async () => {
    const prims = primitiveTemplates(n).map((t) => ({ name: t.name, ...templateOrbit(n, t.pixels) }));
    for (const name of ['corner', 'tee', 'bar'] as const) {
      const moved = applyP4m(n, { rotation: 1, mirror: true, shift: [3, 5] }, primitiveTemplate(name, n).pixels);
      const m = await matchPrimitives(moved, 1, n * n, prims);
      expect(m.perFeature[0].name).toBe(name);
      expect(m.perFeature[0].cosine).toBeGreaterThan(0.99);
    }
  });

  it('matchPrimitives gives a negated primitive the same match (absolute centred cosine)', async () => {
    const prims = primitiveTemplates(n).map((t) => ({ name: t.name, ...templateOrbit(n, t.pixels) }));
    const neg = primitiveTemplate('plus', n).pixels.map((v) => -v);
    const m = await matchPrimitives(neg, 1, n * n, prims);
    expect(m.perFeature[0]).toEqual({ name: 'plus', cosine: expect.closeTo(1, 5) });
  });
});
