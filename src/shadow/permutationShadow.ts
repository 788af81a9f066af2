import { checkAutoencoderOutputs, inputEnergy, type AutoencoderOutputs } from './autoencoderOutputs.js';
import { linearAssignment } from '../core/linalg/linearAssignment.js';
import { crossProduct } from './matrixResidual.js';
import { permutationError } from './permutationError.js';
import type { PermutationShadow } from './shadowResult.js';

/**
 * The pixel-permutation shadow: sigma = argmin over S_n of sum_i ||y_i - sigma.x_i||^2 with the
 * SPEC's action (sigma.x)[sigma(q)] = x[q]. Permutations preserve norms, so the objective is
 * sum ||y||^2 + sum ||x||^2 - 2 sum_q C[q, sigma(q)] with the pixel cross-correlation
 * C = X^T Y (C[q, p] = sum_i x_i[q] y_i[p]); sigma is the maximum-weight assignment on C
 * (Hungarian, O(n^3): about a second at n = 784). Canonical: among the maximising sigma, one
 * with the most fixed points, decided exactly (linearAssignment). Without it, a pixel that is
 * zero in every input (an all-zero row of C, MNIST's blank border) could be sent anywhere at
 * no cost, and the group the shadows generate would measure the tie-breaking, not the network.
 * C is a float32 product through the compute layer; delta is then computed exactly (float64)
 * from the returned sigma.
 */
export async function permutationShadow(data: AutoencoderOutputs): Promise<PermutationShadow> {
  const where = 'permutationShadow';
  checkAutoencoderOutputs(where, data);
  const { inputs, outputs, count, dim: n } = data;
  const sumSquaredInput = inputEnergy(where, data);
  const c = await crossProduct(inputs, outputs, count, n);
  const { assignment: sigma } = linearAssignment(c, n, { maximize: true });
  const sumSquaredError = permutationError(data, sigma);
  return { family: 'perm', error: sumSquaredError / sumSquaredInput, sumSquaredError, sumSquaredInput, dim: n, element: sigma };
}
