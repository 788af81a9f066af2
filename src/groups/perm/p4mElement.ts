import { checkInteger } from '../../core/validate.js';
import { InputRangeError } from '../../core/errors.js';
import { Perm } from './Perm.js';

/**
 * The one encoding of p4m on the n x n torus and of its point group D4 (the 8 symmetries of the
 * square grid about its centre): the shapes ground truth, the pixel groups `gridD4`, `gridC4` and
 * `p4m` (named.ts), the torus stabilizer and the explorer all name their elements here.
 *
 * g = translate(shift) o rotate^rotation o mirror^mirror, acting on pixel coordinates (row, col):
 *   mirror:  (r, c) -> (r, n-1-c)          (left-right flip about the grid centre)
 *   rotate:  (r, c) -> (c, n-1-r)          (a quarter turn clockwise on screen about the grid centre)
 *   shift:   (r, c) -> (r+dr mod n, c+dc mod n)
 * The mirror is applied first, then the rotations, then the shift. With shift = [0, 0] these are
 * the 8 elements of the point group D4 (POINT_GROUP_D4); with the shifts they are all 8 n^2
 * elements of p4m. Images transform as (g.x)[g(p)] = x[p], i.e. (g.x)[p] = x[g^-1(p)], pixel
 * index p = row * n + col.
 *
 * Not to be confused with `dihedral(4)` (named.ts), D4 acting on the 4 vertices of a square.
 */
export interface P4mElement {
  /** Quarter turns clockwise, 0..3. */
  readonly rotation: number;
  /** Whether the left-right mirror is applied (first). */
  readonly mirror: boolean;
  /** Cyclic shift [rows, cols], each in 0..n-1. */
  readonly shift: readonly [number, number];
}

/** The identity of p4m. */
export const P4M_IDENTITY: P4mElement = { rotation: 0, mirror: false, shift: [0, 0] };

/** Names of the point group's elements: rotations by 0/90/180/270 degrees clockwise, then the 4 reflections. */
export const D4_ELEMENT_NAMES = ['e', 'r90', 'r180', 'r270', 'flip-h', 'flip-v', 'flip-diag', 'flip-anti'] as const;
export type D4ElementName = (typeof D4_ELEMENT_NAMES)[number];

/**
 * The point group D4 of the square grid about its centre, element by element, in the order of
 * D4_ELEMENT_NAMES: flip-h mirrors left-right (r, c) -> (r, n-1-c), flip-v up-down, flip-diag
 * transposes (r, c) -> (c, r), flip-anti reflects in the other diagonal.
 */
export const POINT_GROUP_D4: readonly { readonly name: D4ElementName; readonly element: P4mElement }[] = [
  { name: 'e', element: P4M_IDENTITY },
  { name: 'r90', element: { rotation: 1, mirror: false, shift: [0, 0] } },
  { name: 'r180', element: { rotation: 2, mirror: false, shift: [0, 0] } },
  { name: 'r270', element: { rotation: 3, mirror: false, shift: [0, 0] } },
  { name: 'flip-h', element: { rotation: 0, mirror: true, shift: [0, 0] } },
  { name: 'flip-v', element: { rotation: 2, mirror: true, shift: [0, 0] } },
  { name: 'flip-diag', element: { rotation: 3, mirror: true, shift: [0, 0] } },
  { name: 'flip-anti', element: { rotation: 1, mirror: true, shift: [0, 0] } },
];

/** The point group's element called `name`. */
export function d4Element(name: D4ElementName): P4mElement {
  return POINT_GROUP_D4.find((e) => e.name === name)!.element;
}

/** All 8 n^2 elements of p4m(n) by their encoding: the point group's elements in POINT_GROUP_D4 order, each followed by every shift (row-major); distinct for n >= 3. */
export function p4mElements(n: number): P4mElement[] {
  checkInteger('p4mElements', 'n', n, 1);
  const out: P4mElement[] = [];
  for (const { element } of POINT_GROUP_D4) for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) out.push({ ...element, shift: [a, b] });
  return out;
}

/**
 * The quarter turn and the mirror about pixel (0, 0) of the n x n torus, (r, c) -> (c, -r) and
 * (r, c) -> (r, -c) mod n: the grid-centre ones followed by a one-column shift. They generate
 * p4m(n) with the translations (named.ts).
 */
export function torusOriginGenerators(n: number): { readonly quarterTurn: P4mElement; readonly mirror: P4mElement } {
  checkInteger('torusOriginGenerators', 'n', n, 1);
  const shift = [0, 1 % n] as const;
  return { quarterTurn: { rotation: 1, mirror: false, shift }, mirror: { rotation: 0, mirror: true, shift } };
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/** Where g sends the pixel (r, c) on the n x n torus: [row, col]. */
export function p4mPoint(n: number, g: P4mElement, r: number, c: number): [number, number] {
  let rr = r;
  let cc = g.mirror ? n - 1 - c : c;
  for (let k = 0; k < g.rotation; k++) {
    const t = rr;
    rr = cc;
    cc = n - 1 - t;
  }
  return [mod(rr + g.shift[0], n), mod(cc + g.shift[1], n)];
}

/**
 * The linear part [a, b, c, d] of g about pixel (0, 0): g(r, c) = (a r + b c, c r + d c) + t
 * (mod n) for some translation t; a signed permutation matrix, the same for every n.
 */
export function p4mLinearPart(g: P4mElement): [number, number, number, number] {
  // the images of the unit vectors under mirror (r, c) -> (r, -c), then quarter turns (r, c) -> (c, -r)
  const move = ([r, c]: [number, number]): [number, number] => {
    let v: [number, number] = g.mirror ? [r, -c] : [r, c];
    for (let k = 0; k < g.rotation; k++) v = [v[1], -v[0]];
    return v;
  };
  const [a, c] = move([1, 0]);
  const [b, d] = move([0, 1]);
  return [a, b, c, d];
}

/** Check that g is a valid p4m element for an n x n torus; throws InputRangeError otherwise. */
export function checkP4mElement(where: string, n: number, g: P4mElement): void {
  checkInteger(where, 'rotation', g.rotation, 0, 3);
  checkInteger(where, 'shift[0]', g.shift[0], 0, n - 1);
  checkInteger(where, 'shift[1]', g.shift[1], 0, n - 1);
  if (typeof g.mirror !== 'boolean') throw new InputRangeError(`${where}: mirror must be a boolean`);
}

/** The pixel permutation of g: perm[p] = g(p), p = row * n + col (length n^2). */
export function p4mPermutation(n: number, g: P4mElement): Int32Array {
  const perm = new Int32Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const [r2, c2] = p4mPoint(n, g, r, c);
      perm[r * n + c] = r2 * n + c2;
    }
  }
  return perm;
}

/**
 * p4mPermutation of every element of p4mElements(n), in that order, computed from the point
 * group's 8 permutations by shifting their images (the shift is applied last): O(8 n^4), with no
 * per-pixel allocation.
 */
export function p4mPermutations(n: number): Int32Array[] {
  checkInteger('p4mPermutations', 'n', n, 1);
  const out: Int32Array[] = [];
  const N = n * n;
  const rowOffset = new Int32Array(N);
  const col = new Int32Array(N);
  for (const { element } of POINT_GROUP_D4) {
    const base = p4mPermutation(n, element);
    for (let a = 0; a < n; a++) {
      for (let p = 0; p < N; p++) {
        const r = Math.floor(base[p] / n) + a;
        rowOffset[p] = (r >= n ? r - n : r) * n;
        col[p] = base[p] % n;
      }
      for (let b = 0; b < n; b++) {
        const perm = new Int32Array(N);
        for (let p = 0; p < N; p++) {
          const c = col[p] + b;
          perm[p] = rowOffset[p] + (c >= n ? c - n : c);
        }
        out.push(perm);
      }
    }
  }
  return out;
}

/** g as a Perm of the n^2 pixels (images 0-based, p = row * n + col). */
export function p4mPerm(n: number, g: P4mElement): Perm {
  return Perm.unsafeWrap(p4mPermutation(n, g));
}
