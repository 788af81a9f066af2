/**
 * GL(2) (linear deformations about the image centre, p -> A p) and Aff(2) (p -> A p + t).
 * Parameters are the matrix entries: GL(2) (a, b, c, d) with A = [[a, b], [c, d]], Aff(2) adds
 * (tx, ty). exp is the matrix exponential; log the principal matrix logarithm, defined for A
 * with no eigenvalue on the closed negative real axis (in particular near the identity).
 */
import { InputRangeError } from '../../core/errors.js';
import { diskPoint } from './similarityGroups.js';
import type { BoxOptions, LieGroup, LieGroupName } from './LieGroup.js';
import { affineInverse, mat3Exp, mat3Log, mat3Mul, type Mat3 } from './mat3.js';

const E = (i: number) => {
  const m = new Float64Array(9);
  m[i] = 1;
  return m;
};
// matrix units E11, E12, E21, E22 (linear part) and E13, E23 (translation), row-major indices
const LINEAR_SLOTS = [0, 1, 3, 4];
const TRANSLATION_SLOTS = [2, 5];
const LINEAR_NAMES = ['E11: stretch along u', 'E12: shear u += v', 'E21: shear v += u', 'E22: stretch along v'];

const TESTING: readonly number[][] = [
  [1.1, 0.2, -0.3, 0.9, 1.5, -0.5],
  [0.8, -0.4, 0.1, 1.2, -2, 1],
  [0, -1, 1, 0, 0.5, 0.5],
  [1.3, 0.5, 0.4, 0.7, -1.25, -0.75],
  [0.95, 0.05, -0.02, 1.05, 0.3, 2.1],
];

function linearGroup(name: LieGroupName, title: string, withTranslation: boolean): LieGroup {
  const slots = withTranslation ? [...LINEAR_SLOTS, ...TRANSLATION_SLOTS] : LINEAR_SLOTS;
  const dim = slots.length;
  const check = (a: ArrayLike<number>) => {
    if (a.length !== dim) throw new InputRangeError(`${name}: expected ${dim} parameters, got ${a.length}`);
  };
  const matrix = (a: ArrayLike<number>): Mat3 => {
    check(a);
    const m = Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1);
    slots.forEach((s, i) => (m[s] = a[i]));
    return m;
  };
  const fromMatrix = (m: ArrayLike<number>) => Float64Array.from(slots, (s) => m[s]);
  const algebra = (xi: ArrayLike<number>): Mat3 => {
    check(xi);
    const m = new Float64Array(9);
    slots.forEach((s, i) => (m[s] = xi[i]));
    return m;
  };
  return {
    name,
    title,
    dim,
    paramNames: withTranslation ? ['a', 'b', 'c', 'd', 'tx', 'ty'] : ['a', 'b', 'c', 'd'],
    basis: slots.map(E),
    basisNames: withTranslation ? [...LINEAR_NAMES, 'E13: translation along u', 'E23: translation along v'] : LINEAR_NAMES,
    identity: () => fromMatrix(Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1)),
    matrix,
    fromMatrix,
    compose: (a, b) => fromMatrix(mat3Mul(matrix(a), matrix(b))),
    inverse: (a) => fromMatrix(affineInverse(matrix(a))),
    exp: (xi) => fromMatrix(mat3Exp(algebra(xi))),
    log: (a) => fromMatrix(mat3Log(matrix(a))),
    testingElements: () => TESTING.map((t) => Float64Array.from(withTranslation ? t : t.slice(0, 4))),
    box(o: BoxOptions = {}) {
      const r = o.linearRange ?? 0.25;
      const rho = o.translationRadius ?? 4;
      return {
        description:
          `linear part exp(X), X with each entry uniform in [-${r}, ${r}] (uniform in exponential coordinates, ` +
          `Haar density 1 + O(|X|^2) there)` +
          (withTranslation ? `; translation uniform in the disk of radius ${rho} px` : ''),
        sample(q) {
          const x = new Float64Array(9);
          LINEAR_SLOTS.forEach((s, i) => (x[s] = r * (2 * q[i] - 1)));
          const m = mat3Exp(x);
          if (withTranslation) [m[2], m[5]] = diskPoint(q[4], q[5], rho);
          return fromMatrix(m);
        },
      };
    },
  };
}

/** GL(2): invertible linear maps about the image centre. */
export const gl2 = linearGroup('gl2', 'GL(2) linear deformations about the centre', false);
/** Aff(2): invertible affine maps of the plane. */
export const aff2 = linearGroup('aff2', 'Aff(2) affine maps', true);
