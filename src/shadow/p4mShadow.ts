import { InputRangeError } from '../core/index.js';
import { p4m } from '../groups/perm/named.js';
import { checkAutoencoderOutputs, inputEnergy, type AutoencoderOutputs } from './autoencoderOutputs.js';
import { crossProduct } from './matrixResidual.js';
import { permutationError } from './permutationError.js';
import type { PermutationShadow } from './shadowResult.js';

/**
 * The p4m shadow on the n x n torus, exactly: every one of the 8 n^2 elements of p4m(n)
 * (translations with the dihedral D4, as pixel permutations from the group engine) is scored by
 * sum_i ||y_i - g.x_i||^2 = sum ||y||^2 + sum ||x||^2 - 2 sum_q C[q, g(q)], C = X^T Y (the pixel
 * cross-correlation, a float32 product), and the elements scoring within 1e-6 relative of the
 * best are re-scored exactly in float64, so float32 rounding of C cannot pick a worse element;
 * among exact ties the first in the group's enumeration order wins. Cost: one n^2 x n^2 product
 * and 8 n^4 additions (n = 28: 5 M). Needs square images (height = width = n).
 */
export async function p4mShadow(data: AutoencoderOutputs, height: number, width: number): Promise<PermutationShadow> {
  const where = 'p4mShadow';
  checkAutoencoderOutputs(where, data);
  if (height !== width) throw new InputRangeError(`${where}: p4m acts on a square torus, got ${height} x ${width} images`);
  if (data.dim !== height * width) throw new InputRangeError(`${where}: inputs have ${data.dim} values each but height x width = ${height} x ${width} = ${height * width}`);
  const sumSquaredInput = inputEnergy(where, data);
  const n = data.dim;
  const c = await crossProduct(data.inputs, data.outputs, data.count, n);
  const elements = [...p4m(height).elements()].map((g) => g.images);
  const scores = elements.map((g) => {
    let s = 0;
    for (let q = 0; q < n; q++) s += c[q * n + g[q]];
    return s;
  });
  const best = Math.max(...scores);
  const scale = Math.max(Math.abs(best), sumSquaredInput);
  let element = elements[0];
  let sumSquaredError = Infinity;
  elements.forEach((g, k) => {
    if (scores[k] < best - 1e-6 * scale) return;
    const e = permutationError(data, g);
    if (e < sumSquaredError) {
      sumSquaredError = e;
      element = g;
    }
  });
  return { family: 'p4m', error: sumSquaredError / sumSquaredInput, sumSquaredError, sumSquaredInput, dim: n, element: Int32Array.from(element) };
}
