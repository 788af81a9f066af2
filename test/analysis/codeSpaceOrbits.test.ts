import { describe, expect, it } from 'vitest';
import { symmetricOrbitLog10 } from '../../src/analysis/codeSpaceOrbits.js';
import { imageStabilizer } from '../../src/actions/imageStabilizer.js';
import { symmetric } from '../../src/groups/perm/named.js';
import { RandomSource } from '../../src/core/index.js';

describe('symmetricOrbitLog10', () => {
  it('symmetricOrbitLog10 equals log10 of the group engine orbit size under S_m', () => {
    const rng = RandomSource.fromSeed(3);
    for (const m of [5, 8, 11]) {
      const x = Array.from({ length: m }, () => rng.float());
      const exact = imageStabilizer(symmetric(m), x, { levels: 3 }).orbitSize;
      expect(symmetricOrbitLog10(x, 3)).toBeCloseTo(Math.log10(Number(exact)), 10);
    }
  });

  it('symmetricOrbitLog10 is 0 for a constant vector and log10(m!) for distinct levels', () => {
    expect(symmetricOrbitLog10([2, 2, 2, 2], 3)).toBe(0);
    expect(symmetricOrbitLog10([0, 1, 2, 3], 4)).toBeCloseTo(Math.log10(24), 12);
  });
});
