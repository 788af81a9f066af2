/**
 * Slow, obviously-correct references for ONNX AffineGrid and GridSample (bilinear, zeros
 * padding), written pixel by pixel from the operator specification (ONNX opset 20), for tests.
 */

/** AffineGrid: theta (N,2,3) row-major, output grid (N,H,W,2) of normalised (x, y) coordinates. */
export function affineGridReference(theta: Float32Array, n: number, h: number, w: number, alignCorners: boolean): Float32Array {
  const out = new Float32Array(n * h * w * 2);
  const base = (i: number, size: number) => (alignCorners ? (size === 1 ? 0 : (2 * i) / (size - 1) - 1) : (2 * i + 1) / size - 1);
  for (let b = 0; b < n; b++) {
    const t = theta.subarray(b * 6, b * 6 + 6);
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < w; j++) {
        const x = base(j, w);
        const y = base(i, h);
        const o = ((b * h + i) * w + j) * 2;
        out[o] = t[0] * x + t[1] * y + t[2];
        out[o + 1] = t[3] * x + t[4] * y + t[5];
      }
    }
  }
  return out;
}

/**
 * GridSample with bilinear interpolation and zero padding: input (N,C,H,W), grid (N,Ho,Wo,2),
 * output (N,C,Ho,Wo). Pixels outside the image read as 0.
 */
export function gridSampleBilinearReference(
  input: Float32Array,
  dims: readonly [number, number, number, number],
  grid: Float32Array,
  ho: number,
  wo: number,
  alignCorners: boolean,
): Float32Array {
  const [n, c, h, w] = dims;
  const out = new Float32Array(n * c * ho * wo);
  const unnorm = (g: number, size: number) => (alignCorners ? ((g + 1) / 2) * (size - 1) : ((g + 1) * size - 1) / 2);
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < c; ch++) {
      const img = (yy: number, xx: number) => (yy < 0 || yy >= h || xx < 0 || xx >= w ? 0 : input[((b * c + ch) * h + yy) * w + xx]);
      for (let i = 0; i < ho; i++) {
        for (let j = 0; j < wo; j++) {
          const g = ((b * ho + i) * wo + j) * 2;
          const x = unnorm(grid[g], w);
          const y = unnorm(grid[g + 1], h);
          const x0 = Math.floor(x);
          const y0 = Math.floor(y);
          const fx = x - x0;
          const fy = y - y0;
          out[((b * c + ch) * ho + i) * wo + j] =
            (1 - fy) * ((1 - fx) * img(y0, x0) + fx * img(y0, x0 + 1)) + fy * ((1 - fx) * img(y0 + 1, x0) + fx * img(y0 + 1, x0 + 1));
        }
      }
    }
  }
  return out;
}
