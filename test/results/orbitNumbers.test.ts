import { describe, expect, it } from 'vitest';
import { featureOrbits } from '../../src/analysis/featureOrbits.js';
import { primitiveTemplate } from '../../src/data/shapes/primitives.js';
import { groupOrbitNumbersFromJson, orbitMeasure, orbitNumbersFromJson, orbitNumbersToJson } from '../../src/results/orbitNumbers.js';

const finiteJson = { groupOrder: '1152', orbitSize: '144', stabilizerOrder: '8', levels: 2, stabilizerElements: ['()', '(1,2)'], eps: 0.5, epsStabilizerSize: 16, epsOrbitSize: 72 };
const lieJson = { dim: 3, orbitDim: 2, stabilizerDim: 1, singularValues: [1.5, 0.7, 0.001], epsStabilizerMeasure: 0, epsOrbitSize: null, samples: 128 };
const missingJson = { dim: 1, orbitDim: null, stabilizerDim: null, singularValues: null, reason: 'kernel 5x5 too small for so2' };

describe('orbit numbers: the typed union and its JSON boundary', () => {
  it('orbitNumbersFromJson reads finite orders as bigint and Lie dimensions as numbers, by kind', () => {
    const o = orbitNumbersFromJson({ p4m: finiteJson, se2: lieJson });
    expect(o.p4m).toMatchObject({ kind: 'finite', groupOrder: 1152n, orbitSize: 144n, stabilizerOrder: 8n, stabilizerElements: ['()', '(1,2)'] });
    expect(o.se2).toMatchObject({ kind: 'lie', dim: 3, orbitDim: 2, stabilizerDim: 1, epsOrbitSize: null });
  });

  it('orbitNumbersToJson(orbitNumbersFromJson(j)) gives back j, field order included', () => {
    const j = { p4m: finiteJson, se2: lieJson, so2: missingJson };
    const back = orbitNumbersToJson(orbitNumbersFromJson(j));
    expect(back).toEqual(j);
    expect(JSON.stringify(back)).toBe(JSON.stringify(j));
  });

  it('featureOrbits output written to JSON has decimal-string orders and no kind, and reads back to the same numbers', async () => {
    const [o] = await featureOrbits(primitiveTemplate('plus', 12).pixels, 1, 12, 12, { groups: ['p4m', 'so2'], levels: 2, tol: 0.01, eps: null });
    const j = orbitNumbersToJson(o);
    expect(j.p4m).toMatchObject({ groupOrder: '1152', stabilizerOrder: '8', orbitSize: '144' });
    expect('kind' in j.p4m).toBe(false);
    expect(orbitNumbersFromJson(j)).toEqual(o);
  });

  it('groupOrbitNumbersFromJson reads the older spellings order and stabilizer', () => {
    expect(groupOrbitNumbersFromJson({ order: '8', orbitSize: '2', stabilizerOrder: '4', stabilizer: '(1,2)' })).toMatchObject({ kind: 'finite', groupOrder: 8n, stabilizerElements: ['(1,2)'] });
  });

  it('orbitMeasure(n, field) gives the number of that kind, and null for a field of the other kind or an undefined value', () => {
    const o = orbitNumbersFromJson({ p4m: finiteJson, se2: lieJson, so2: missingJson });
    expect(orbitMeasure(o.p4m, 'orbitSize')).toBe(144);
    expect(orbitMeasure(o.p4m, 'epsOrbitSize')).toBe(72);
    expect(orbitMeasure(o.p4m, 'orbitDim')).toBeNull();
    expect(orbitMeasure(o.se2, 'orbitDim')).toBe(2);
    expect(orbitMeasure(o.se2, 'orbitSize')).toBeNull();
    expect(orbitMeasure(o.se2, 'epsOrbitSize')).toBeNull();
    expect(orbitMeasure(o.so2, 'orbitDim')).toBeNull();
    expect(orbitMeasure(undefined, 'orbitSize')).toBeNull();
  });
});
