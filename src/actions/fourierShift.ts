import { InputRangeError } from '../core/errors.js';
import { dftTwiddles } from '../core/linalg/dftTwiddles.js';
import { checkStack, type ImageStack } from './imageStack.js';

/** cos/sin table of exp(-2 pi i j k / n), n x n, from the length-n twiddle factors. */
function twiddles(n: number): { c: Float64Array; s: Float64Array } {
  const { cos, sin } = dftTwiddles(n);
  const c = new Float64Array(n * n);
  const s = new Float64Array(n * n);
  for (let j = 0; j < n; j++)
    for (let k = 0; k < n; k++) {
      const m = (j * k) % n;
      c[j * n + k] = cos[m];
      s[j * n + k] = -sin[m];
    }
  return { c, s };
}

/** Phase factor of signed frequency k (of n) for a shift t; the Nyquist term keeps cos(pi t), so the result stays real. */
function phases(n: number, t: number): { re: Float64Array; im: Float64Array } {
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const f = k <= (n - 1) / 2 ? k : k - n;
    if (2 * k === n) {
      re[k] = Math.cos(Math.PI * t);
      continue;
    }
    const a = (-2 * Math.PI * f * t) / n;
    re[k] = Math.cos(a);
    im[k] = Math.sin(a);
  }
  return { re, im };
}

/**
 * Exact translation on the torus by Fourier interpolation: for each image x (F, h, w) and shift
 * (tx, ty) in pixels, y(p) = x(p - t) for the trigonometric interpolant of x, i.e.
 * Y(k) = X(k) exp(-2 pi i (kx tx / w + ky ty / h)) with signed frequencies, the Nyquist
 * coefficient (even sizes) multiplied by cos(pi t) so that y is real. Integer shifts are cyclic
 * rolls (up to float64 rounding). On odd sizes fractional shifts compose exactly (an action of
 * R^2 on the torus); on even sizes they do so only for images without energy at the Nyquist
 * frequency, since cos(pi a) cos(pi b) != cos(pi (a + b)): the half-period wave has no
 * unambiguous fractional translate. Direct separable DFTs in float64
 * (O(h w (h + w)) per image and shift): the images are small and ONNX Runtime's DFT is float32.
 * Returns (F, G, h, w) float32.
 */
export function fourierShift(images: ImageStack, shifts: readonly (readonly [number, number])[]): Float32Array {
  checkStack('fourierShift', images);
  const { count: F, height: h, width: w } = images;
  const n = h * w;
  for (const [k, t] of shifts.entries()) {
    if (t.length !== 2 || !Number.isFinite(t[0]) || !Number.isFinite(t[1])) throw new InputRangeError(`fourierShift: shift ${k} must be two finite numbers (tx, ty)`);
  }
  const tw = twiddles(w);
  const th = twiddles(h);
  const out = new Float32Array(F * shifts.length * n);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  const tr = new Float64Array(n);
  const ti = new Float64Array(n);
  for (let f = 0; f < F; f++) {
    const x = images.data.subarray(f * n, (f + 1) * n);
    // rows: T[i, kx] = sum_j x[i, j] e^{-2 pi i j kx / w}; then columns
    for (let i = 0; i < h; i++)
      for (let kx = 0; kx < w; kx++) {
        let a = 0;
        let b = 0;
        for (let j = 0; j < w; j++) {
          a += x[i * w + j] * tw.c[j * w + kx];
          b += x[i * w + j] * tw.s[j * w + kx];
        }
        tr[i * w + kx] = a;
        ti[i * w + kx] = b;
      }
    for (let ky = 0; ky < h; ky++)
      for (let kx = 0; kx < w; kx++) {
        let a = 0;
        let b = 0;
        for (let i = 0; i < h; i++) {
          const c = th.c[i * h + ky];
          const s = th.s[i * h + ky];
          a += tr[i * w + kx] * c - ti[i * w + kx] * s;
          b += tr[i * w + kx] * s + ti[i * w + kx] * c;
        }
        re[ky * w + kx] = a;
        im[ky * w + kx] = b;
      }
    shifts.forEach(([sx, sy], g) => {
      const px = phases(w, sx);
      const py = phases(h, sy);
      const zr = new Float64Array(n);
      const zi = new Float64Array(n);
      for (let ky = 0; ky < h; ky++)
        for (let kx = 0; kx < w; kx++) {
          const pr = px.re[kx] * py.re[ky] - px.im[kx] * py.im[ky];
          const pi = px.re[kx] * py.im[ky] + px.im[kx] * py.re[ky];
          const q = ky * w + kx;
          zr[q] = re[q] * pr - im[q] * pi;
          zi[q] = re[q] * pi + im[q] * pr;
        }
      // inverse: conj twiddles, columns then rows, real part / n
      for (let i = 0; i < h; i++)
        for (let kx = 0; kx < w; kx++) {
          let a = 0;
          let b = 0;
          for (let ky = 0; ky < h; ky++) {
            const c = th.c[i * h + ky];
            const s = -th.s[i * h + ky];
            a += zr[ky * w + kx] * c - zi[ky * w + kx] * s;
            b += zr[ky * w + kx] * s + zi[ky * w + kx] * c;
          }
          tr[i * w + kx] = a;
          ti[i * w + kx] = b;
        }
      const o = (f * shifts.length + g) * n;
      for (let i = 0; i < h; i++)
        for (let j = 0; j < w; j++) {
          let a = 0;
          for (let kx = 0; kx < w; kx++) a += tr[i * w + kx] * tw.c[j * w + kx] + ti[i * w + kx] * tw.s[j * w + kx];
          out[o + i * w + j] = a / n;
        }
    });
  }
  return out;
}
