import { InputRangeError } from '../../core/errors.js';
import { p4mPermutation, type P4mElement } from '../../groups/perm/p4mElement.js';

/** g.x for an n x n image x and a p4m element g (src/groups/perm/p4mElement.ts): out[g(p)] = x[p]. */
export function applyP4m(n: number, g: P4mElement, x: Float32Array, out = new Float32Array(n * n)): Float32Array {
  if (x.length !== n * n) throw new InputRangeError(`applyP4m: image has ${x.length} pixels, expected ${n * n}`);
  const perm = p4mPermutation(n, g);
  for (let p = 0; p < n * n; p++) out[perm[p]] = x[p];
  return out;
}
