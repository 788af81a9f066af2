import { describe, expect, it } from 'vitest';
import { primitiveEmergence, unitEmergence } from '../../src/analysis/emergence.js';
import { centeredCosine, centeredCosines } from '../../src/analysis/cosine.js';

describe('emergence', () => {
  // A hand-made sequence of snapshots: cosines to the final filter over 6 snapshots.
  it('unitEmergence returns the first snapshot after which the cosine stays above 0.9', () => {
    expect(unitEmergence([0.1, 0.95, 0.5, 0.92, 0.97, 1])).toBe(3); // dips at 2, so not 1
    expect(unitEmergence([0.91, 0.93, 0.95, 1])).toBe(0);
    expect(unitEmergence([0.2, 0.3, 0.4, 1])).toBe(3);
  });

  it('unitEmergence honours a different threshold', () => {
    expect(unitEmergence([0.1, 0.6, 0.7, 0.8, 1], 0.5)).toBe(1);
  });

  it('primitiveEmergence returns the first snapshot with a match, or null', () => {
    expect(primitiveEmergence([0.2, 0.5, 0.91, 0.85, 0.99])).toBe(2);
    expect(primitiveEmergence([0.2, 0.5])).toBeNull();
  });
});

describe('centred cosines', () => {
  it('centredCosine is 1 for an affine copy with positive slope and -1 for a negated one', () => {
    const a = [0, 1, 0, 0, 1, 0];
    expect(centeredCosine(a, a.map((v) => 3 * v - 2))).toBeCloseTo(1, 12);
    expect(centeredCosine(a, a.map((v) => -v))).toBeCloseTo(-1, 12);
  });

  it('centeredCosines(A, B) equals the pairwise slow cosines', async () => {
    const a = Float32Array.from([1, 2, 3, 4, 0, 1, 0, 1]);
    const b = Float32Array.from([4, 3, 2, 1, 1, 1, 2, 5, 0, 0, 1, 0]);
    const c = await centeredCosines(a, 2, b, 3, 4);
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 3; j++) expect(c[i * 3 + j]).toBeCloseTo(centeredCosine(a.subarray(i * 4, i * 4 + 4), b.subarray(j * 4, j * 4 + 4)), 5);
  });
});
