import { describe, expect, it } from 'vitest';
import { idealFlower, segmentShapeOrbit } from '../../src/actions/segmentShapeOrbit.js';

describe('segmentShapeOrbit (closed-form tangents of ideal shapes)', () => {
  it('segmentShapeOrbit of an ideal segment through the centre is 2 under GL(2) and 4 under Aff(2), at any angle', () => {
    for (const a of [0, 0.3, Math.PI / 2, 2]) {
      const p: [number, number] = [Math.cos(a), Math.sin(a)];
      const seg = [[[-p[0], -p[1]], p]] as const;
      expect(segmentShapeOrbit(seg, 'gl2')).toMatchObject({ orbitDim: 2, stabilizerDim: 2, dim: 4 });
      expect(segmentShapeOrbit(seg, 'aff2')).toMatchObject({ orbitDim: 4, stabilizerDim: 2, dim: 6 });
    }
  });

  it('segmentShapeOrbit of an ideal k-petal flower (k >= 3) is 4 under GL(2) and 6 under Aff(2): no linear map but the identity fixes it', () => {
    for (const k of [3, 4, 5, 8]) {
      expect(segmentShapeOrbit(idealFlower(k, 1, 0.1), 'gl2')).toMatchObject({ orbitDim: 4, stabilizerDim: 0 });
      expect(segmentShapeOrbit(idealFlower(k, 1, 0.1), 'aff2')).toMatchObject({ orbitDim: 6, stabilizerDim: 0 });
    }
  });

  it('segmentShapeOrbit of two opposite petals is the segment again (2 under GL(2)), and a segment off the centre has a 3-dimensional GL(2) orbit', () => {
    expect(segmentShapeOrbit(idealFlower(2), 'gl2').orbitDim).toBe(2);
    expect(segmentShapeOrbit([[[1, 1], [2, 1]]], 'gl2').orbitDim).toBe(4);
    // a segment from the centre outwards (one endpoint fixed at 0) moves with A p only: 2
    expect(segmentShapeOrbit([[[0, 0], [1, 0]]], 'gl2').orbitDim).toBe(2);
  });

  it('segmentShapeOrbit rejects an empty shape and a non-finite endpoint, naming them', () => {
    expect(() => segmentShapeOrbit([], 'gl2')).toThrow(/no segments/);
    expect(() => segmentShapeOrbit([[[0, 0], [NaN, 1]]], 'gl2')).toThrow(/endpoint \[NaN, 1\] is not finite/);
  });
});
