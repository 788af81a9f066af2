/** cos and sin of 2 pi m / n for m = 0..n-1: the twiddle factors of a length-n DFT. */
export interface DftTwiddles {
  readonly cos: Float64Array;
  readonly sin: Float64Array;
}

// by length: every direct DFT in Orbitscope (power spectra, phase randomisation, Fourier shifts)
// runs many lines of a few lengths, so each table is computed once per process
const tables = new Map<number, DftTwiddles>();

/**
 * Twiddle factors of a length-n DFT, e^{+-2 pi i m / n} = cos(2 pi m / n) +- i sin(2 pi m / n),
 * m = 0..n-1, computed once per n and shared (callers must not modify them). The factor of the
 * product j k is at m = (j k) mod n; the forward transform takes -sin, which is sin of the negated
 * angle to the bit (sin is odd and cos even in IEEE arithmetic).
 */
export function dftTwiddles(n: number): DftTwiddles {
  let t = tables.get(n);
  if (!t) {
    t = { cos: new Float64Array(n), sin: new Float64Array(n) };
    for (let m = 0; m < n; m++) {
      const a = (2 * Math.PI * m) / n;
      t.cos[m] = Math.cos(a);
      t.sin[m] = Math.sin(a);
    }
    tables.set(n, t);
  }
  return t;
}
