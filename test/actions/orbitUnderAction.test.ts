import { describe, expect, it } from 'vitest';
import { imageStabilizer, onImage, onPoints, onSets, onTuples, orbitOfSet, orbitOfTuple, orbitUnderAction, type Action } from '../../src/actions/index.js';
import { compose, p4m, symmetric } from '../../src/groups/index.js';
import { InputRangeError, RandomSource } from '../../src/core/index.js';
import { bruteOrbit, bruteStabilizerCount, closureElements } from '../../src/testing/index.js';
import { catalogue } from '../groups/catalogue.js';

const pointsKey = (s: ArrayLike<number>) => Array.from(s).join(',');

describe('actions act(x, g) from the right', () => {
  it('onPoints, onTuples, onSets and onImage satisfy act(act(x, g), h) = act(x, g*h) for random elements of S_7', () => {
    const rng = RandomSource.fromSeed(5);
    const law = <X>(act: Action<X>, x: X, key: (x: X) => string) => {
      for (let t = 0; t < 20; t++) {
        const g = rng.permutation(7);
        const h = rng.permutation(7);
        expect(key(act(act(x, g), h))).toBe(key(act(x, compose(g, h))));
      }
    };
    law(onPoints, 3, String);
    law(onTuples, [4, 0, 6], pointsKey);
    law(onSets, [1, 2, 5], pointsKey);
    law<Float64Array>(onImage, Float64Array.from([0.1, 0.7, 0.2, 0.9, 0.4, 0.3, 0.8]), pointsKey);
  });

  it('S_6 has orbits of the closed sizes: C(6, k) on k-sets and 6!/(6-k)! on k-tuples', () => {
    const S6 = symmetric(6);
    const binomial = [1, 6, 15, 20, 15, 6, 1];
    for (let k = 1; k <= 6; k++) {
      const pts = Array.from({ length: k }, (_, i) => i);
      expect(orbitOfSet(S6, pts).length).toBe(binomial[k]);
      let falling = 1;
      for (let i = 0; i < k; i++) falling *= 6 - i;
      expect(orbitOfTuple(S6, pts).length).toBe(falling);
    }
  });

  it('orbitOfSet and orbitOfTuple name a point outside the degree (1-based)', () => {
    expect(() => orbitOfSet(symmetric(4), [0, 4])).toThrow(InputRangeError);
    expect(() => orbitOfTuple(symmetric(4), [7])).toThrow(/point 8 is outside degree 4/);
  });

  for (const entry of catalogue) {
    it(`orbit-stabilizer |orbit| |stabilizer| = |G| for points, sets, tuples and images under ${entry.name}, matching brute force`, () => {
      const G = entry.make();
      const gens = G.generators.map((g) => g.images);
      const elements = closureElements(gens, G.degree);
      const order = BigInt(elements.length);
      expect(G.order()).toBe(order);
      const n = G.degree;
      const rng = RandomSource.fromSeed(9);
      for (let p = 0; p < n; p++) {
        const orbit = orbitUnderAction(gens, p, onPoints, String);
        expect(new Set(orbit)).toEqual(new Set(G.orbit(p)));
        expect(BigInt(orbit.length) * G.pointStabilizer(p).order()).toBe(order);
      }
      for (let t = 0; t < 4; t++) {
        const k = Math.min(n, 1 + rng.int(3));
        const pts = Array.from(rng.permutation(n).slice(0, k));
        const sorted = [...pts].sort((a, b) => a - b);
        const setOrbit = orbitOfSet(G, pts);
        expect(new Set(setOrbit.map(pointsKey))).toEqual(bruteOrbit(elements, sorted, onSets, pointsKey));
        const setStab = G.setwiseStabilizer(pts).order();
        expect(setStab).toBe(BigInt(bruteStabilizerCount(elements, sorted, onSets, pointsKey)));
        expect(BigInt(setOrbit.length) * setStab).toBe(order);
        const tupleOrbit = orbitOfTuple(G, pts);
        expect(new Set(tupleOrbit.map(pointsKey))).toEqual(bruteOrbit(elements, pts, onTuples, pointsKey));
        const tupleStab = G.pointwiseStabilizer(pts).order();
        expect(tupleStab).toBe(BigInt(bruteStabilizerCount(elements, pts, onTuples, pointsKey)));
        expect(BigInt(tupleOrbit.length) * tupleStab).toBe(order);
        const image = Int32Array.from({ length: n }, () => rng.int(3));
        const imageOrbit = orbitUnderAction<Int32Array>(gens, image, onImage, pointsKey);
        const r = imageStabilizer(G, image);
        expect(BigInt(imageOrbit.length)).toBe(r.orbitSize);
        expect(BigInt(imageOrbit.length) * r.stabilizerOrder).toBe(order);
      }
    });
  }

  it('a single bright pixel on the 6 x 6 torus has an orbit of 36 images under p4m (|p4m(6)| = 288, stabilizer 8)', () => {
    const G = p4m(6);
    const x = new Float32Array(36);
    x[2 * 6 + 3] = 1;
    const orbit = orbitUnderAction<Float32Array>(G.generators.map((g) => g.images), x, onImage, pointsKey);
    expect(orbit.length).toBe(36);
    expect(G.order()).toBe(288n);
    expect(BigInt(orbit.length) * imageStabilizer(G, x).stabilizerOrder).toBe(G.order());
  });
});
