import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/core/random.js';
import { imageWindow } from '../../src/actions/imageWindow.js';
import { orbitDistances } from '../../src/actions/resample.js';
import { affineRows, se2, sim2, so2 } from '../../src/groups/lie/index.js';
import { actPlane, d4EpsStabilizer, IDENTITY_PARAMS, planeDistance, planeRows, rotationCurve, type PlaneParams } from '../../src/web/shared/index.js';
import { onImage } from '../../src/actions/onImage.js';
import { d4Element, p4mPermutation } from '../../src/groups/perm/p4mElement.js';
import { fixtureImage } from '../../src/testing/fixtureRun.js';

const rng = RandomSource.fromSeed(11);
const noise = (n: number) => rng.fillNormal(new Float32Array(n * n));

describe('the explorer plane actions', () => {
  it('planeRows(params) is the matrix of the same element in the lie groups so2, se2 and sim2', () => {
    for (const [theta, lambda, tx, ty] of [[0.3, 0, 0, 0], [-2.1, 0, 1.5, -0.75], [1.2, 0.4, -2, 3]]) {
      const p: PlaneParams = { angle: (theta * 180) / Math.PI, tx, ty, scale: Math.exp(lambda), shear: 0 };
      const ours = Array.from(planeRows(p));
      const theirs = lambda === 0 ? (tx === 0 ? affineRows(so2.matrix([theta])) : affineRows(se2.matrix([theta, tx, ty]))) : affineRows(sim2.matrix([theta, lambda, tx, ty]));
      ours.forEach((v, i) => expect(v).toBeCloseTo(theirs[i], 12));
    }
  });

  it('planeDistance(x, h, w, params) equals the batched library orbitDistances for rotations, translations, scalings and shears', async () => {
    const n = 28;
    const x = noise(n);
    const params: PlaneParams[] = [
      { ...IDENTITY_PARAMS, angle: 37.5 },
      { ...IDENTITY_PARAMS, angle: -120 },
      { angle: 10, tx: 1.25, ty: -2.5, scale: 1.3, shear: 0.2 },
      { angle: 0, tx: 0, ty: 0, scale: 0.7, shear: -0.4 },
    ];
    const lib = await orbitDistances({ data: x, count: 1, height: n, width: n }, params.map(planeRows), imageWindow(n, n, 'disk'));
    params.forEach((p, k) => expect(Math.abs(planeDistance(x, n, n, p) - lib[k])).toBeLessThan(1e-5));
  });

  it('actPlane(x, n, n, angle 90) is exactly the pixel permutation of the named p4m element r90', () => {
    for (const n of [7, 8]) {
      const x = noise(n);
      const a = actPlane(x, n, n, { ...IDENTITY_PARAMS, angle: 90 });
      const b = onImage(x, p4mPermutation(n, d4Element('r90')));
      for (let p = 0; p < n * n; p++) expect(a[p]).toBeCloseTo(b[p], 12);
    }
  });

  it('rotationCurve(x) of a plus sign dips to zero at every multiple of 90 degrees and not at 45', () => {
    const x = fixtureImage('plus', 16, rng);
    const curve = rotationCurve(x, 16, 16, 45);
    const at = (a: number) => curve.find((c) => c.angle === a)!.distance;
    for (const a of [0, 90, 180, 270, 360]) expect(at(a)).toBeLessThan(1e-9);
    expect(at(45)).toBeGreaterThan(0.5);
  });

  it('d4EpsStabilizer(x) finds all of D4 for a plus sign, the four symmetries of a horizontal bar, and only e for noise', () => {
    expect(d4EpsStabilizer(fixtureImage('plus', 16, rng), 16, 1e-9).map((e) => e.element)).toEqual(['e', 'r90', 'r180', 'r270', 'flip-h', 'flip-v', 'flip-diag', 'flip-anti']);
    expect(d4EpsStabilizer(fixtureImage('bar-0', 16, rng), 16, 1e-9).map((e) => e.element)).toEqual(['e', 'r180', 'flip-h', 'flip-v']);
    expect(d4EpsStabilizer(noise(9), 9, 1e-3).map((e) => e.element)).toEqual(['e']);
  });
});
