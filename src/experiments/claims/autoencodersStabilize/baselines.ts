import { symmetricEigenQl } from '../../../core/linalg/symmetricEigenQl.js';
import { centeredScatter } from '../../../core/linalg/centeredScatter.js';
import type { AutoencoderLayer } from '../../../nn/autoencoderLayer.js';
import { reconstruct } from '../../../analysis/layerForward.js';

/** A map A from inputs to reconstructions, batch-wise (count x d -> count x d). */
export interface Reconstructor {
  readonly name: string;
  reconstruct(x: Float32Array, count: number): Promise<Float32Array>;
}

/** Column means of a count x d matrix. */
function means(x: Float32Array, count: number, d: number): Float64Array {
  const mu = new Float64Array(d);
  for (let i = 0; i < count; i++) for (let p = 0; p < d; p++) mu[p] += x[i * d + p];
  for (let p = 0; p < d; p++) mu[p] /= count;
  return mu;
}

/** A(x) = mean of the training inputs, whatever x is: a stabilizer of nothing but the mean. */
export function meanBaseline(train: Float32Array, count: number, d: number): Reconstructor {
  const mu = Float32Array.from(means(train, count, d));
  return {
    name: 'data mean',
    reconstruct: async (_x, n) => {
      const out = new Float32Array(n * d);
      for (let i = 0; i < n; i++) out.set(mu, i * d);
      return out;
    },
  };
}

/**
 * A(x) = mu + U U^T (x - mu) with U the top-k principal directions of the training inputs: the
 * best rank-k affine reconstruction in squared error (Eckart-Young), the linear autoencoder's optimum.
 */
export function pcaBaseline(train: Float32Array, count: number, d: number, k: number): Reconstructor {
  // every seed of a run fits its PCA control on the same training rows: fit it once per run
  let fitted = pcaFits.get(train);
  if (!fitted) pcaFits.set(train, (fitted = new Map()));
  const key = `${count}/${d}/${k}`;
  let hit = fitted.get(key);
  if (!hit) fitted.set(key, (hit = fitPca(train, count, d, k)));
  return hit;
}

// PCA controls by training rows (the array itself: a run's rows stay one array for all its seeds)
const pcaFits = new WeakMap<Float32Array, Map<string, Reconstructor>>();

function fitPca(train: Float32Array, count: number, d: number, k: number): Reconstructor {
  // the same scatter matrix as C2's data covariance (core/linalg/centeredScatter.ts), computed once per run
  const { mean: mu, upper } = centeredScatter(train, count, d);
  const cov = new Float64Array(d * d);
  for (let p = 0; p < d; p++) for (let q = p; q < d; q++) cov[q * d + p] = cov[p * d + q] = upper[p * d + q] / count;
  // Householder + QL, not Jacobi: one O(d^3) pass (784 x 784 on MNIST: about 4x less CPU); only the
  // top-k directions are used, and their span is fixed to rounding when lambda_k > lambda_{k+1}
  const { vectors } = symmetricEigenQl(cov, d);
  const kk = Math.min(k, d);
  // U as kk x d rows, and as d x kk rows (Ut) for the way back: both inner loops run along memory
  const U = new Float64Array(kk * d);
  const Ut = new Float64Array(d * kk);
  for (let c = 0; c < kk; c++) for (let p = 0; p < d; p++) Ut[p * kk + c] = U[c * d + p] = vectors[p * d + c];
  return {
    name: `PCA, k = ${kk}`,
    reconstruct: async (x, n) => pcaReconstruct(U, Ut, mu, kk, d, x, n),
  };
}

/**
 * mu + U^T U (x_i - mu) for each of n rows x_i (U: kk x d rows, Ut its transpose), in float64
 * with every sum in the plain loop's order (z_c over p = 0..d-1, then each pixel over c =
 * 0..kk-1, from mu_p), four sums at a time so that each loaded value serves four of them.
 */
function pcaReconstruct(U: Float64Array, Ut: Float64Array, mu: Float64Array, kk: number, d: number, x: Float32Array, n: number): Float32Array {
  const out = new Float32Array(n * d);
  const xc = new Float64Array(d);
  const z = new Float64Array(kk);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < d; p++) xc[p] = x[i * d + p] - mu[p];
    let c = 0;
    for (; c + 4 <= kk; c += 4) {
      const u0 = c * d;
      const u1 = u0 + d;
      const u2 = u1 + d;
      const u3 = u2 + d;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let p = 0; p < d; p++) {
        const v = xc[p];
        s0 += U[u0 + p] * v;
        s1 += U[u1 + p] * v;
        s2 += U[u2 + p] * v;
        s3 += U[u3 + p] * v;
      }
      z[c] = s0;
      z[c + 1] = s1;
      z[c + 2] = s2;
      z[c + 3] = s3;
    }
    for (; c < kk; c++) {
      let s = 0;
      for (let p = 0; p < d; p++) s += U[c * d + p] * xc[p];
      z[c] = s;
    }
    let p = 0;
    for (; p + 4 <= d; p += 4) {
      const t0 = p * kk;
      const t1 = t0 + kk;
      const t2 = t1 + kk;
      const t3 = t2 + kk;
      let s0 = mu[p], s1 = mu[p + 1], s2 = mu[p + 2], s3 = mu[p + 3];
      for (let k = 0; k < kk; k++) {
        const v = z[k];
        s0 += Ut[t0 + k] * v;
        s1 += Ut[t1 + k] * v;
        s2 += Ut[t2 + k] * v;
        s3 += Ut[t3 + k] * v;
      }
      const o = i * d + p;
      out[o] = s0;
      out[o + 1] = s1;
      out[o + 2] = s2;
      out[o + 3] = s3;
    }
    for (; p < d; p++) {
      let s = mu[p];
      for (let k = 0; k < kk; k++) s += Ut[p * kk + k] * z[k];
      out[i * d + p] = s;
    }
  }
  return out;
}

/** An autoencoder layer (e.g. the linear twin trained with the same engine and budget) as a Reconstructor. */
export function layerReconstructor(name: string, layer: AutoencoderLayer): Reconstructor {
  return { name, reconstruct: (x, n) => reconstruct(layer, x, n) };
}
