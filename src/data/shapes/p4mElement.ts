import { checkInteger } from '../../core/validate.js';
import { InputRangeError } from '../../core/errors.js';

/**
 * An element of p4m on the n x n torus, as used by the shapes ground truth:
 * g = translate(shift) o rotate^rotation o mirror^mirror, acting on pixel coordinates (row, col):
 *   mirror:  (r, c) -> (r, n-1-c)          (left-right flip about the grid centre)
 *   rotate:  (r, c) -> (c, n-1-r)          (a quarter turn clockwise about the grid centre)
 *   shift:   (r, c) -> (r+dr mod n, c+dc mod n)
 * The mirror is applied first, then the rotations, then the shift. With shift = [0, 0] these are
 * the 8 symmetries of the square grid (D4 about the grid centre, the subgroup `gridD4(n)`); with
 * the shifts they are all 8 n^2 elements of p4m. Images transform as (g.x)[g(p)] = x[p], i.e.
 * (g.x)[p] = x[g^-1(p)], pixel index p = row * n + col.
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

/** g.x for an n x n image x: out[g(p)] = x[p]. */
export function applyP4m(n: number, g: P4mElement, x: Float32Array, out = new Float32Array(n * n)): Float32Array {
  if (x.length !== n * n) throw new InputRangeError(`applyP4m: image has ${x.length} pixels, expected ${n * n}`);
  const perm = p4mPermutation(n, g);
  for (let p = 0; p < n * n; p++) out[perm[p]] = x[p];
  return out;
}
