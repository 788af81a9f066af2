import { describe, expect, it } from 'vitest';
import { segmentFlowerSpectra, segmentsRankBelowFlowers, type PrimitiveSpectrum } from '../../src/analysis/segmentFlowerSpectra.js';

const isSegment = (s: PrimitiveSpectrum) => s.name.toLowerCase().endsWith('segment');
const smallest = (s: PrimitiveSpectrum) => s.gl2.singularValues[s.gl2.singularValues.length - 1];

describe('segmentFlowerSpectra (issue 14, item 5a)', () => {
  it('segmentFlowerSpectra gives the ideal shapes GL(2) orbit dimension 2 (segments) and 4 (flowers), Aff(2) 4 and 6, from the closed-form tangents', async () => {
    const sp = await segmentFlowerSpectra(16, { eps: null });
    for (const s of sp) {
      expect({ name: s.name, gl2: s.gl2.idealDim, aff2: s.aff2.idealDim }).toEqual({ name: s.name, gl2: isSegment(s) ? 2 : 4, aff2: isSegment(s) ? 4 : 6 });
    }
  });

  it('segmentFlowerSpectra of the rendered axis-aligned segments keeps a zero singular value (shear along the stroke) and a width direction near 1, so the pixel rank at tol 0.01 is 3 against the flowers 4', async () => {
    const sp = await segmentFlowerSpectra(16, { eps: null });
    for (const s of sp) {
      const sv = s.gl2.singularValues;
      if (isSegment(s)) {
        expect(sv[3]).toBeLessThan(1e-6);
        // the width direction: stretching across a 1-px stroke changes it by about its own norm
        expect(sv[2]).toBeGreaterThan(0.5);
        expect(sv[2]).toBeLessThan(1.5);
        expect(s.gl2.pixelDim).toBe(3);
        expect(s.aff2.pixelDim).toBe(5);
      } else {
        expect(s.gl2.pixelDim).toBe(4);
        expect(s.aff2.pixelDim).toBe(6);
      }
    }
  });

  it('the smallest GL(2) tangent singular value ranks every segment below every flower in every tested pose, where the rank at tol 0.01 does not', async () => {
    const poses = [
      [0.13, 0.3, 0.7, 0.45, 0.6],
      [0.41, 0.8, 0.2, 0.5, 0.35],
      [0.77, 0.55, 0.5, 0.1, 0.9],
    ];
    let rankFails = 0;
    for (const pose of poses) {
      const sp = await segmentFlowerSpectra(16, { eps: null, pose });
      expect(segmentsRankBelowFlowers(sp, smallest)).toBe(true);
      // aliasing of a tilted 1-px stroke lifts the segment's shear-along value above 0.01, never near a flower's
      for (const s of sp.filter(isSegment)) expect(smallest(s)).toBeLessThan(0.35);
      for (const s of sp.filter((x) => !isSegment(x))) expect(smallest(s)).toBeGreaterThan(0.6);
      if (!segmentsRankBelowFlowers(sp, (s) => s.gl2.pixelDim)) rankFails++;
    }
    expect(rankFails).toBeGreaterThan(0);
  });

  it('the GL(2) epsilon-orbit volume does not rank them: it grows with extent (the long segment covers over 1.5 times the short one, its own orbit) and exceeds a compact flower in a tilted pose', async () => {
    const sp = await segmentFlowerSpectra(16, { eps: 0.25, samples: 128, pose: [0.13, 0.3, 0.7, 0.45, 0.6] });
    expect(segmentsRankBelowFlowers(sp, (s) => s.gl2.epsOrbitSize!)).toBe(false);
    const vol = (name: string) => sp.find((s) => s.name === name)!.gl2.epsOrbitSize!;
    expect(vol('segment')).toBeGreaterThan(1.5 * vol('shortSegment'));
    expect(vol('segment')).toBeGreaterThan(vol('flower4'));
    for (const s of sp) {
      expect(s.gl2.epsStabilizerMeasure!).toBeGreaterThanOrEqual(0);
      expect(s.gl2.epsStabilizerMeasure!).toBeLessThanOrEqual(1);
    }
  });
});
