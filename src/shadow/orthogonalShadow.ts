import { checkAutoencoderOutputs, inputEnergy, type AutoencoderOutputs } from './autoencoderOutputs.js';
import { crossProduct, matrixResidual } from './matrixResidual.js';
import { polarFactor } from '../core/linalg/polarFactor.js';
import type { MatrixShadow } from './shadowResult.js';

/**
 * The O(n) shadow by orthogonal Procrustes (Schoenemann 1966): Q = argmin over Q^T Q = I of
 * sum_i ||y_i - Q x_i||^2 = argmax tr(Q^T M) with M = Y^T X = sum_i y_i x_i^T, so Q is the
 * polar factor U V^T of M = U S V^T (note the orientation: M = Y^T X, not X^T Y, whose polar
 * factor is Q^T). Reports delta of the returned Q. Cost: two float32 products through the
 * compute layer and one n x n SVD (about 8 s at n = 784).
 */
export async function orthogonalShadow(data: AutoencoderOutputs): Promise<MatrixShadow> {
  const where = 'orthogonalShadow';
  checkAutoencoderOutputs(where, data);
  const { inputs, outputs, count, dim: n } = data;
  const sumSquaredInput = inputEnergy(where, data);
  const m = await crossProduct(outputs, inputs, count, n); // Y^T X
  const q = polarFactor(m, n);
  const sumSquaredError = await matrixResidual(data, q);
  return { family: 'o', error: sumSquaredError / sumSquaredInput, sumSquaredError, sumSquaredInput, dim: n, element: q };
}
