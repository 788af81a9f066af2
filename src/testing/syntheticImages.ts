/**
 * Smooth test images with known continuous symmetry, in centred pixel coordinates (u right,
 * v down, origin at ((w-1)/2, (h-1)/2)), for orbit-dimension tests. Each returns h*w float32.
 */
function render(h: number, w: number, f: (u: number, v: number) => number): Float32Array {
  const out = new Float32Array(h * w);
  for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) out[i * w + j] = f(j - (w - 1) / 2, i - (h - 1) / 2);
  return out;
}

/** Isotropic Gaussian exp(-|p - c|^2 / (2 sigma^2)) centred at c (default the image centre). */
export function gaussianBlob(h: number, w: number, sigma: number, cu = 0, cv = 0): Float32Array {
  return render(h, w, (u, v) => Math.exp(-((u - cu) ** 2 + (v - cv) ** 2) / (2 * sigma * sigma)));
}

/** Smooth step across the line through the centre with unit normal at angle phi: sigmoid((n . p) / s). */
export function smoothEdge(h: number, w: number, phi: number, s = 1): Float32Array {
  const c = Math.cos(phi);
  const d = Math.sin(phi);
  return render(h, w, (u, v) => 1 / (1 + Math.exp(-(c * u + d * v) / s)));
}

/**
 * A segment along u through the centre: Gaussian cross-section of standard deviation width/2
 * across (v), length `length` with smooth ends (logistic of scale `endSoftness`) along u.
 */
export function thinSegment(h: number, w: number, width: number, length: number, endSoftness = 1): Float32Array {
  const sd = width / 2;
  const end = (t: number) => 1 / (1 + Math.exp(-t / endSoftness));
  return render(h, w, (u, v) => Math.exp(-(v * v) / (2 * sd * sd)) * end(length / 2 - u) * end(length / 2 + u));
}

/** A flower of `petals` petals: smooth indicator of r < r0 (1 + a cos(petals * angle)). */
export function flower(h: number, w: number, petals: number, r0: number, a = 0.4, s = 0.75): Float32Array {
  return render(h, w, (u, v) => {
    const r = Math.hypot(u, v);
    const R = r0 * (1 + a * Math.cos(petals * Math.atan2(v, u)));
    return 1 / (1 + Math.exp(-(R - r) / s));
  });
}
