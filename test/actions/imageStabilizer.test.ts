import { describe, expect, it } from 'vitest';
import fixtures from '../fixtures/group-orders.json' with { type: 'json' };
import { onImage, epsStabilizer, imageStabilizer, quantizeLevels } from '../../src/actions/index.js';
import { PermGroup, compose, gridD4, p4m, symmetric, torusTranslations } from '../../src/groups/index.js';
import { RandomSource, UserError } from '../../src/core/index.js';
import { bruteOrbit, bruteStabilizerCount, closureElements } from '../../src/testing/index.js';
import { catalogue } from '../groups/catalogue.js';

const key = (x: Int32Array | Float64Array) => x.join(',');

describe('onImage', () => {
  it('onImage(x, g) sets x^g[p^g] = x[p] and acting by g then h is acting by g*h', () => {
    const rng = RandomSource.fromSeed(2);
    const g = rng.permutation(6);
    const h = rng.permutation(6);
    const x = rng.fillUniform(new Float64Array(6));
    const gx = onImage(x, g);
    for (let p = 0; p < 6; p++) expect(gx[g[p]]).toBe(x[p]);
    expect(Array.from(onImage(gx, h))).toEqual(Array.from(onImage(x, compose(g, h))));
  });

  it('a translation by one column moves a bright pixel one column right', () => {
    const right = torusTranslations(3, 3).generators[1].images;
    const x = new Float64Array(9);
    x[4] = 1;
    expect(onImage(x, right)[5]).toBe(1);
  });
});

describe('quantizeLevels', () => {
  it('quantizeLevels(x) numbers the distinct values in increasing order; with Q levels maps min and max to 0 and Q-1', () => {
    expect(Array.from(quantizeLevels([0.5, 0.1, 0.5, 0.9]))).toEqual([1, 0, 1, 2]);
    expect(Array.from(quantizeLevels([0, 0.24, 0.26, 1], 3))).toEqual([0, 0, 1, 2]);
    expect(Array.from(quantizeLevels([3, 3], 4))).toEqual([0, 0]);
  });
});

describe('imageStabilizer', () => {
  for (const entry of catalogue) {
    it(`imageStabilizer on ${entry.name} matches brute force and satisfies |O| |S| = |G| for random 3-level images`, () => {
      const G = entry.make();
      const elements = closureElements(G.generators.map((g) => g.images), G.degree);
      const rng = RandomSource.fromSeed(17);
      for (let t = 0; t < 5; t++) {
        const x = new Int32Array(G.degree);
        for (let p = 0; p < x.length; p++) x[p] = rng.int(t < 2 ? 2 : 3);
        const r = imageStabilizer(G, x);
        expect(r.stabilizerOrder).toBe(BigInt(bruteStabilizerCount(elements, x, onImage, key)));
        expect(r.orbitSize).toBe(BigInt(bruteOrbit(elements, x, onImage, key).size));
        expect(r.orbitSize * r.stabilizerOrder).toBe(BigInt(elements.length));
        // the backtrack agrees with enumeration on the same image
        expect(G.partitionStabilizer(x).order()).toBe(r.stabilizerOrder);
      }
    });
  }

  it('imageStabilizer uses the Young subgroup for the symmetric group: orbit size n!/prod m_v!', () => {
    const r = imageStabilizer(symmetric(10), [0, 0, 0, 1, 1, 2, 2, 2, 2, 2]);
    expect(r.method).toBe('young');
    expect(r.orbitSize).toBe(2520n); // 10!/(3! 2! 5!)
    expect(r.stabilizerOrder).toBe(1440n);
    // the same group given only by generators takes the backtrack path and agrees
    const S10 = new PermGroup(symmetric(10).generators, 10);
    expect(S10.partitionStabilizer([0, 0, 0, 1, 1, 2, 2, 2, 2, 2]).order()).toBe(1440n);
  });

  it('imageStabilizer on M24 (order above 10^5) uses backtrack: a 5-point image has stabilizer 5! * 48', () => {
    const f = fixtures.groups.find((g) => g.name === 'M24')!;
    const G = PermGroup.fromCycles(f.generators, 24);
    const x = new Float32Array(24);
    for (const p of [0, 1, 2, 3, 4]) x[p] = 1;
    const r = imageStabilizer(G, x);
    expect(r.method).toBe('backtrack');
    expect(r.stabilizerOrder).toBe(5760n);
    expect(r.orbitSize).toBe(42504n); // M24 is 5-transitive: every 5-set, C(24,5)
    // every generator of the stabilizer fixes the image
    for (const g of r.stabilizer!.generators) expect(Array.from(onImage(x, g.images))).toEqual(Array.from(x));
  });

  it('imageStabilizer of primitives under pixel groups: a dot, a full line and a constant image on the 8x8 torus', () => {
    const n = 8;
    const dot = new Float32Array(n * n);
    dot[0] = 1;
    expect(imageStabilizer(torusTranslations(n, n), dot).orbitSize).toBe(64n);
    expect(imageStabilizer(p4m(n), dot).orbitSize).toBe(64n);
    const line = new Float32Array(n * n);
    for (let c = 0; c < n; c++) line[3 * n + c] = 1;
    expect(imageStabilizer(torusTranslations(n, n), line).orbitSize).toBe(8n);
    expect(imageStabilizer(p4m(n), line).orbitSize).toBe(16n); // 8 rows + 8 columns
    expect(imageStabilizer(gridD4(n), new Float32Array(n * n)).orbitSize).toBe(1n);
  });

  it('imageStabilizer quantises to the given levels before comparing', () => {
    const x = [0, 0.01, 0, 1];
    const G = new PermGroup(symmetric(4).generators, 4);
    expect(imageStabilizer(G, x).stabilizerOrder).toBe(2n); // levels 0,1,0,2
    expect(imageStabilizer(G, x, { levels: 2 }).stabilizerOrder).toBe(6n); // levels 0,0,0,1
  });

  it('imageStabilizer rejects an image whose size is not the group degree', () => {
    expect(() => imageStabilizer(gridD4(3), [1, 2, 3])).toThrow(UserError);
  });
});

describe('epsStabilizer', () => {
  it('epsStabilizer(G, x, 0) is the exact stabilizer and grows with eps up to all of G', () => {
    const G = p4m(4);
    const rng = RandomSource.fromSeed(5);
    const x = rng.fillUniform(new Float64Array(16));
    const exact = imageStabilizer(G, x).stabilizerOrder;
    expect(BigInt(epsStabilizer(G, x, 0).count)).toBe(exact);
    let last = 0;
    for (const eps of [0, 0.2, 0.5, 1, 2]) {
      const r = epsStabilizer(G, x, eps);
      expect(r.count).toBeGreaterThanOrEqual(last);
      last = r.count;
      for (const g of r.elements) {
        let d = 0;
        let nx = 0;
        const gx = onImage(x, g.images);
        for (let p = 0; p < 16; p++) {
          d += (gx[p] - x[p]) ** 2;
          nx += x[p] ** 2;
        }
        expect(Math.sqrt(d)).toBeLessThanOrEqual(eps * Math.sqrt(nx) + 1e-12);
      }
    }
    expect(epsStabilizer(G, x, 2).count).toBe(128); // ||g.x - x|| <= 2||x|| always
  });

  it('epsStabilizer(G, x, eps) keeps exactly the elements whose row-major sum of squares is within eps^2 ||x||^2, also at eps on an element\'s own distance', () => {
    // the definition, summed in pixel order p = 0..n-1 as the reported distances are
    const G = p4m(6);
    const elements = [...G.elements()];
    const rng = RandomSource.fromSeed(11);
    for (let trial = 0; trial < 3; trial++) {
      const x = Float32Array.from(rng.fillNormal(new Float64Array(36)), (v, p) => v + (p % 6) * 0.5);
      let nx = 0;
      for (let p = 0; p < 36; p++) nx += x[p] * x[p];
      const d2 = elements.map((g) => {
        let d = 0;
        for (let p = 0; p < 36; p++) d += (x[p] - x[g.images[p]]) ** 2;
        return d;
      });
      // eps at a few elements' own distances (bound within rounding of their sum) and in between
      const sorted = [...d2].sort((a, b) => a - b);
      for (const target of [sorted[3], sorted[40], sorted[100], (sorted[10] + sorted[11]) / 2]) {
        const eps = Math.sqrt(target / nx);
        const bound = eps * eps * nx;
        const expected = elements.filter((_, k) => d2[k] <= bound);
        const r = epsStabilizer(G, x, eps);
        expect(r.elements.map((g) => g.images.join(','))).toEqual(expected.map((g) => g.images.join(',')));
        expect(r.distances).toEqual(expected.map((g) => Math.sqrt(d2[elements.indexOf(g)] / nx)));
      }
    }
  });
});
