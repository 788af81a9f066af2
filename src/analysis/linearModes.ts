import { InputRangeError } from '../core/errors.js';
import { symmetricEigen } from '../core/linalg/symmetricEigen.js';

/**
 * The modes of a linear layer W (units x d, row-major): its right singular vectors, as rows of a
 * units x d matrix in order of descending singular value (from the eigenvectors u_k of W W^T:
 * v_k = W^T u_k / sigma_k), with the singular values. A linear autoencoder's units are defined
 * only up to a rotation of its code, its modes are not: they are what a linear network learns, in
 * order of the data's variance along them (Saxe, McClelland & Ganguli, ICLR 2014). Modes with
 * sigma_k = 0 are left as zero rows.
 */
export function linearModes(W: Float32Array, units: number, d: number): { modes: Float32Array; singularValues: Float64Array } {
  if (W.length !== units * d) throw new InputRangeError(`linearModes: W has ${W.length} values, expected ${units} x ${d}`);
  const G = new Float64Array(units * units);
  for (let i = 0; i < units; i++) {
    for (let j = i; j < units; j++) {
      let s = 0;
      for (let p = 0; p < d; p++) s += W[i * d + p] * W[j * d + p];
      G[i * units + j] = s;
      G[j * units + i] = s;
    }
  }
  const { values, vectors } = symmetricEigen(G, units);
  const modes = new Float32Array(units * d);
  const singularValues = new Float64Array(units);
  for (let k = 0; k < units; k++) {
    const sigma = Math.sqrt(Math.max(0, values[k]));
    singularValues[k] = sigma;
    if (sigma === 0) continue;
    for (let p = 0; p < d; p++) {
      let s = 0;
      for (let i = 0; i < units; i++) s += vectors[i * units + k] * W[i * d + p];
      modes[k * d + p] = s / sigma;
    }
  }
  return { modes, singularValues };
}
