/**
 * Slow reference 2-D power spectrum |F(k1, k2)|^2 straight from the definition
 * F(k) = sum_{i,j} x[i, j] exp(-2 pi i (k1 i / h + k2 j / w)), O((hw)^2).
 */
export function powerSpectrumReference(pixels: ArrayLike<number>, h: number, w: number): Float64Array {
  const out = new Float64Array(h * w);
  for (let k1 = 0; k1 < h; k1++)
    for (let k2 = 0; k2 < w; k2++) {
      let re = 0;
      let im = 0;
      for (let i = 0; i < h; i++)
        for (let j = 0; j < w; j++) {
          const a = -2 * Math.PI * ((k1 * i) / h + (k2 * j) / w);
          re += pixels[i * w + j] * Math.cos(a);
          im += pixels[i * w + j] * Math.sin(a);
        }
      out[k1 * w + k2] = re * re + im * im;
    }
  return out;
}
