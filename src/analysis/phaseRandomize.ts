import { InputRangeError } from '../core/errors.js';
import type { RandomSource } from '../core/random.js';
import { dftTwiddles } from '../core/linalg/dftTwiddles.js';

/** In-place 2-D DFT of an h x w complex image (re, im), forward (sign -1) or unnormalised inverse (sign +1). */
function dft2(re: Float64Array, im: Float64Array, h: number, w: number, sign: 1 | -1): void {
  // separable direct DFT, O(hw(h + w)): images here are at most a few dozen pixels a side, where
  // this is a few microseconds and needs no FFT dependency
  const line = (len: number, stride: number, offset: number) => {
    const { cos, sin } = dftTwiddles(len);
    const r = new Float64Array(len);
    const i = new Float64Array(len);
    for (let f = 0; f < len; f++) {
      let sr = 0;
      let si = 0;
      for (let k = 0; k < len; k++) {
        const m = (f * k) % len;
        const c = cos[m];
        const s = sign * sin[m]; // sin is odd, so this is sin(sign 2 pi m / len) to the bit
        const p = offset + k * stride;
        sr += re[p] * c - im[p] * s;
        si += re[p] * s + im[p] * c;
      }
      r[f] = sr;
      i[f] = si;
    }
    for (let f = 0; f < len; f++) {
      re[offset + f * stride] = r[f];
      im[offset + f * stride] = i[f];
    }
  };
  for (let row = 0; row < h; row++) line(w, 1, row * w);
  for (let col = 0; col < w; col++) line(h, w, col);
}

/**
 * Phase-randomised surrogates (Theiler et al., "Testing for nonlinearity in time series: the
 * method of surrogate data", Physica D 58, 1992): each of `count` h x w images keeps the
 * amplitude of every 2-D Fourier coefficient and its mean, and gets the phases of the DFT of
 * fresh white noise (Hermitian, so the surrogate is real). The surrogate has the image's power
 * spectrum and nothing else: no particular shape, position or orientation.
 */
export function phaseRandomize(images: Float32Array, count: number, h: number, w: number, rng: RandomSource): Float32Array {
  const n = h * w;
  if (images.length !== count * n) throw new InputRangeError(`phaseRandomize: ${images.length} values are not ${count} images of ${h} x ${w}`);
  const out = new Float32Array(count * n);
  const xr = new Float64Array(n);
  const xi = new Float64Array(n);
  const zr = new Float64Array(n);
  const zi = new Float64Array(n);
  for (let k = 0; k < count; k++) {
    for (let p = 0; p < n; p++) {
      xr[p] = images[k * n + p];
      xi[p] = 0;
      zr[p] = rng.normal();
      zi[p] = 0;
    }
    dft2(xr, xi, h, w, -1);
    dft2(zr, zi, h, w, -1);
    for (let p = 1; p < n; p++) {
      const amp = Math.hypot(xr[p], xi[p]);
      const zn = Math.hypot(zr[p], zi[p]);
      // a zero noise coefficient has no phase: keep the original one (probability 0 in exact arithmetic)
      if (zn === 0) continue;
      xr[p] = (amp * zr[p]) / zn;
      xi[p] = (amp * zi[p]) / zn;
    }
    dft2(xr, xi, h, w, 1);
    for (let p = 0; p < n; p++) out[k * n + p] = xr[p] / n;
  }
  return out;
}
