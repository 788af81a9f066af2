/**
 * The Gram-type product a^T b of two N x n row-major float32 arrays (count x dim), as an n x n
 * float64 array accumulated in float64: out[q][p] = sum_i a_i[q] b_i[p]. Written by hand
 * because the compute layer's GEMM is float32 and a caller that subtracts it from sums of
 * squares (the O(n) shadow's closed form) needs its float64 digits; rows of `a` with zero
 * entries are skipped, which on images with a blank border (MNIST: about 80% zeros) makes it
 * a few times cheaper than N n^2. Cost: (nonzeros of a) x n multiply-adds.
 */
export function crossProduct64(a: Float32Array, b: Float32Array, count: number, dim: number): Float64Array {
  const out = new Float64Array(dim * dim);
  const row = new Float64Array(dim);
  for (let i = 0; i < count; i++) {
    const base = i * dim;
    for (let p = 0; p < dim; p++) row[p] = b[base + p];
    for (let q = 0; q < dim; q++) {
      const x = a[base + q];
      if (x === 0) continue;
      const o = q * dim;
      for (let p = 0; p < dim; p++) out[o + p] += x * row[p];
    }
  }
  return out;
}
