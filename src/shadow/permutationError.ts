import type { AutoencoderOutputs } from './autoencoderOutputs.js';

/** sum_i ||y_i - g.x_i||^2 for one pixel permutation, exactly (float64), (g.x)[g[q]] = x[q]. */
export function permutationError(data: AutoencoderOutputs, g: Int32Array): number {
  const { inputs, outputs, count, dim: n } = data;
  let s = 0;
  for (let i = 0; i < count; i++) {
    const base = i * n;
    for (let q = 0; q < n; q++) {
      const d = outputs[base + g[q]] - inputs[base + q];
      s += d * d;
    }
  }
  return s;
}
