import { z } from 'zod';
import { parseOptions } from '../core/index.js';
import { checkAutoencoderOutputs, inputEnergy, type AutoencoderOutputs } from './autoencoderOutputs.js';
import { choleskySolve } from '../core/linalg/choleskySolve.js';
import { crossProduct, matrixResidual } from './matrixResidual.js';
import type { MatrixShadow } from './shadowResult.js';
import { conditioning } from '../core/linalg/svd.js';

const GlOptions = z.strictObject({
  /** Relative ridge: lambda = ridge * tr(X^T X) / n. */
  ridge: z.number().min(0).finite().default(1e-6),
  /** Compute the condition number and numerical rank of G (singular values: about 1 s at n = 784). */
  conditionNumber: z.boolean().default(true),
});

/** Options of `glShadow`. */
export type GlShadowOptions = z.input<typeof GlOptions>;

/**
 * The GL(n) shadow: ridge least squares G = argmin sum_i ||y_i - G x_i||^2 + lambda ||G||_F^2,
 * G = (Y^T X)(X^T X + lambda I)^-1, with lambda = ridge * tr(X^T X) / n (default ridge 1e-6: a
 * scale-free floor at the float32 precision of the Gram matrices, so that pixels that never vary,
 * such as MNIST's blank border, get zero columns instead of an arbitrary solve). Reports
 * delta = sum ||y_i - G x_i||^2 / sum ||x_i||^2 of the returned G, its numerical rank and
 * cond(G) = s_max / s_min. Singular values at or below n * 2^-24 * s_max are counted as zero,
 * because float32 data cannot resolve them; then the rank is below n and cond(G) is Infinity
 * (G singular: fewer hidden units than pixels, or pixels that never vary). So the largest finite
 * condition number reported is 2^24 / n (about 2e4 at n = 784, 5.6e6 at n = 3). The optimum over invertible G may not exist (the least-squares G can be singular);
 * the reported G is the least-squares one whatever its rank, and the condition number says so.
 * Products go through the compute layer in float32 (n up to 784, N up to 10,000).
 */
export async function glShadow(data: AutoencoderOutputs, options: GlShadowOptions = {}): Promise<MatrixShadow> {
  const where = 'glShadow';
  const opts = parseOptions(where, GlOptions, options);
  checkAutoencoderOutputs(where, data);
  const { inputs, outputs, count, dim: n } = data;
  const sumSquaredInput = inputEnergy(where, data);
  const gram = await crossProduct(inputs, inputs, count, n); // X^T X
  const cross = await crossProduct(inputs, outputs, count, n); // X^T Y = M^T, M = Y^T X
  let trace = 0;
  for (let i = 0; i < n; i++) trace += gram[i * n + i];
  const lambda = (opts.ridge * trace) / n;
  for (let i = 0; i < n; i++) gram[i * n + i] += lambda;
  // (X^T X + lambda I) G^T = X^T Y
  const gt = choleskySolve(`${where}: X^T X + ridge I`, gram, cross, n, n);
  const g = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) g[i * n + j] = gt[j * n + i];
  const sumSquaredError = await matrixResidual(data, g);
  return {
    family: 'gl',
    error: sumSquaredError / sumSquaredInput,
    sumSquaredError,
    sumSquaredInput,
    dim: n,
    element: g,
    ridgeLambda: lambda,
    // the data are float32: singular values below n * 2^-24 * s_max are not resolved by them
    ...(opts.conditionNumber ? conditioning(g, n, n * 2 ** -24) : {}),
  };
}
