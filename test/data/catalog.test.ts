import { describe, expect, it } from 'vitest';
import { applyP4m, shapesCatalog, primitiveTemplates, templateOrbit } from '../../src/data/index.js';
import { bruteForceOrbit } from '../../src/testing/index.js';

describe('shapesCatalog', () => {
  it('shapesCatalog(8) orbit sizes and stabilizer orders equal brute-force enumeration of all elements of translations, D4 and p4m', () => {
    const n = 8;
    const cat = shapesCatalog(n);
    const templates = primitiveTemplates(n);
    expect(cat.map((e) => e.primitive)).toEqual(templates.map((t) => t.name));
    for (const [i, e] of cat.entries()) {
      for (const g of ['translations', 'd4', 'p4m'] as const) {
        const want = bruteForceOrbit(templates[i].pixels, n, g);
        expect({ primitive: e.primitive, group: g, orbit: Number(e[g].orbitSize), stab: Number(e[g].stabilizerOrder), order: Number(e[g].groupOrder) }).toEqual({
          primitive: e.primitive,
          group: g,
          orbit: want.orbitSize,
          stab: want.stabilizerOrder,
          order: want.groupOrder,
        });
      }
    }
  });

  it('shapesCatalog(16) gives the closed-form p4m orbits: dot and plus n^2, lines 2n, bar 2n^2, corner and tee 4n^2, blob 8n^2', () => {
    const n = 16;
    const orbit = Object.fromEntries(shapesCatalog(n).map((e) => [e.primitive, e.p4m.orbitSize]));
    const N = BigInt(n);
    expect(orbit).toEqual({ dot: N * N, plus: N * N, square: N * N, line: 2n * N, diagonal: 2n * N, bar: 2n * N * N, corner: 4n * N * N, tee: 4n * N * N, blob: 8n * N * N });
  });

  it('shapesCatalog(n, {variant: continuous}) satisfies |O| |S| = |G| for every primitive and group', () => {
    for (const e of shapesCatalog(12, { variant: 'continuous' })) {
      for (const g of ['translations', 'd4', 'p4m'] as const) expect(e[g].orbitSize * e[g].stabilizerOrder).toBe(e[g].groupOrder);
      expect(e.translations.groupOrder).toBe(144n);
    }
  });
});

describe('templateOrbit', () => {
  it('templateOrbit(n, template) lists as many distinct images as the catalogue orbit size, each reproduced by its element', () => {
    const n = 8;
    const cat = shapesCatalog(n);
    for (const t of primitiveTemplates(n)) {
      const o = templateOrbit(n, t.pixels);
      expect(BigInt(o.size)).toBe(cat.find((e) => e.primitive === t.name)!.p4m.orbitSize);
      for (const k of [0, o.size - 1]) expect(Array.from(applyP4m(n, o.elements[k], t.pixels))).toEqual(Array.from(o.pixels.subarray(k * n * n, (k + 1) * n * n)));
    }
  });
});
