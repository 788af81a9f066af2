import { describe, expect, it } from 'vitest';
import { LIE_GROUP_NAMES, lieGroup, mat3Exp, mat3Log, mat3Mul } from '../../../src/groups/lie/index.js';

/** Largest entry-wise difference of two affine matrices. */
function gap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('image-plane Lie groups obey the group laws on their testing elements', () => {
  for (const name of LIE_GROUP_NAMES) {
    const G = lieGroup(name);
    const els = G.testingElements();
    const M = (a: ArrayLike<number>) => G.matrix(a);

    it(`lieGroup('${name}') has dim equal to its basis size and its parameter count`, () => {
      expect(G.basis.length).toBe(G.dim);
      expect(G.paramNames.length).toBe(G.dim);
      expect(G.identity().length).toBe(G.dim);
      expect(els.length).toBeGreaterThanOrEqual(4);
      for (const A of G.basis) expect(Array.from(A.slice(6))).toEqual([0, 0, 0]);
    });

    it(`${name}.compose(e, g) = compose(g, e) = g and compose(g, inverse(g)) = e`, () => {
      const e = G.identity();
      expect(gap(M(e), Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1))).toBe(0);
      for (const g of els) {
        expect(gap(M(G.compose(e, g)), M(g))).toBeLessThan(1e-12);
        expect(gap(M(G.compose(g, e)), M(g))).toBeLessThan(1e-12);
        expect(gap(M(G.compose(g, G.inverse(g))), M(e))).toBeLessThan(1e-12);
        expect(gap(M(G.compose(G.inverse(g), g)), M(e))).toBeLessThan(1e-12);
      }
    });

    it(`${name}.compose is associative and equals the matrix product`, () => {
      for (const a of els)
        for (const b of els) {
          expect(gap(M(G.compose(a, b)), mat3Mul(M(a), M(b)))).toBeLessThan(1e-12);
          for (const c of els) expect(gap(M(G.compose(G.compose(a, b), c)), M(G.compose(a, G.compose(b, c))))).toBeLessThan(1e-11);
        }
    });

    it(`${name}.exp(log(g)) = g, and exp agrees with the matrix exponential of sum xi_i A_i`, () => {
      for (const g of els) {
        const xi = G.log(g);
        expect(gap(M(G.exp(xi)), M(g))).toBeLessThan(1e-10);
        const X = new Float64Array(9);
        G.basis.forEach((A, i) => A.forEach((v, j) => (X[j] += xi[i] * v)));
        expect(gap(mat3Exp(X), M(g))).toBeLessThan(1e-10);
      }
    });

    it(`${name}.log(exp(xi)) = xi for small algebra elements, and exp(t xi) is a one-parameter subgroup`, () => {
      for (const g of els) {
        const xi = Float64Array.from(G.log(g), (v) => 0.3 * v);
        expect(gap(G.log(G.exp(xi)), xi)).toBeLessThan(1e-10);
        const half = Float64Array.from(xi, (v) => v / 2);
        expect(gap(M(G.compose(G.exp(half), G.exp(half))), M(G.exp(xi)))).toBeLessThan(1e-10);
      }
    });
  }

  it('mat3Log inverts mat3Exp on a non-normal affine generator', () => {
    const X = Float64Array.of(0.3, 1.2, -0.7, -0.9, -0.1, 2.0, 0, 0, 0);
    expect(gap(mat3Log(mat3Exp(X)), X)).toBeLessThan(1e-10);
  });

  it('lieGroup rejects an unknown name with the list of choices', () => {
    expect(() => lieGroup('so3')).toThrow(/unknown group "so3"; expected one of t2, so2, scale, se2, sim2, gl2, aff2/);
  });

  it('gl2.log refuses a matrix with a negative eigenvalue', () => {
    expect(() => lieGroup('gl2').log([-1, 0, 0, 2])).toThrow(/eigenvalue <= 0/);
  });
});
