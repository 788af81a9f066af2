import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/core/random.js';
import { phaseRandomize } from '../../src/analysis/phaseRandomize.js';
import { nullBestMatches, nullThresholds } from '../../src/analysis/matchNull.js';
import { matchPrimitives } from '../../src/analysis/primitiveMatch.js';
import { sustainedEmergence } from '../../src/analysis/emergence.js';
import { powerSpectrumReference } from '../../src/testing/dft2Reference.js';
import { decorrelatedTemplates, templateOrbit } from '../../src/data/index.js';

/** Fresh untrained filters as the autoencoder initialises them: Glorot uniform, iid. */
function initFilters(rng: RandomSource, units: number, d: number): Float32Array {
  const r = 4 * Math.sqrt(6 / (d + units));
  const w = new Float32Array(units * d);
  rng.fillUniform(w, -r, r);
  return w;
}

describe('phaseRandomize', () => {
  it('phaseRandomize(images) keeps every image power spectrum and mean, and changes the image', () => {
    const rng = RandomSource.fromSeed(1);
    const h = 6;
    const w = 8;
    const x = Float32Array.from({ length: 3 * h * w }, (_, i) => Math.sin(i / 3) + (i % 7 === 0 ? 1 : 0));
    const y = phaseRandomize(x, 3, h, w, rng);
    for (let k = 0; k < 3; k++) {
      const a = powerSpectrumReference(x.subarray(k * h * w, (k + 1) * h * w), h, w);
      const b = powerSpectrumReference(y.subarray(k * h * w, (k + 1) * h * w), h, w);
      for (let p = 0; p < a.length; p++) expect(b[p]).toBeCloseTo(a[p], 3);
      let diff = 0;
      for (let p = 0; p < h * w; p++) diff += Math.abs(x[k * h * w + p] - y[k * h * w + p]);
      expect(diff).toBeGreaterThan(1);
    }
  });
});

describe('calibrated emergence', () => {
  const n = 8;
  const primitives = decorrelatedTemplates(n).map((t) => ({ name: t.name, ...templateOrbit(n, t.pixels) }));

  it('nullThresholds from surrogates of one untrained layer give fresh untrained layers at most the declared false-emergence rate, and large orbits a higher threshold', async () => {
    const units = 16;
    const alpha = 0.1;
    const draws = await nullBestMatches(initFilters(RandomSource.fromSeed(100), units, n * n), units, n, n, primitives, 60, RandomSource.fromSeed(7));
    const thresholds = nullThresholds(draws, alpha);
    let falseEmergences = 0;
    let uncalibrated = 0;
    const inits = 30;
    for (let s = 0; s < inits; s++) {
      const best = (await matchPrimitives(initFilters(RandomSource.fromSeed(s), units, n * n), units, n * n, primitives)).perPrimitive;
      best.forEach((b, j) => {
        if (sustainedEmergence([b], thresholds[j]) !== null) falseEmergences++;
        // one threshold for every orbit (the line's) hands large orbits a head start
        if (b > thresholds[0]) uncalibrated++;
      });
    }
    const trials = inits * primitives.length;
    expect(falseEmergences / trials).toBeLessThanOrEqual(alpha + 3 * Math.sqrt((alpha * (1 - alpha)) / trials));
    expect(uncalibrated / trials).toBeGreaterThan(3 * alpha);
    // the largest orbits (8n^2 elements) get a higher threshold than the lines (2n elements)
    expect(thresholds[9]).toBeGreaterThan(thresholds[0]);
    expect(thresholds[10]).toBeGreaterThan(thresholds[1]);
  });

  it('nullThresholds takes the ceil((1 - alpha)(R + 1))-th smallest draw and is Infinity when R is too small', () => {
    const draws = Array.from({ length: 19 }, (_, i) => [i, 100 - i]);
    expect(nullThresholds(draws, 0.1)).toEqual([17, 99]);
    expect(nullThresholds(draws.slice(0, 5), 0.1)).toEqual([Infinity, Infinity]);
  });

  it('sustainedEmergence(best, t) is the first snapshot after which best stays above t, null when the last is not', () => {
    expect(sustainedEmergence([0.1, 0.6, 0.2, 0.7, 0.8], 0.5)).toBe(3);
    expect(sustainedEmergence([0.6, 0.6, 0.6], 0.5)).toBe(0);
    expect(sustainedEmergence([0.6, 0.6, 0.4], 0.5)).toBeNull();
  });
});
