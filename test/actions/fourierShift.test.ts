import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/core/index.js';
import { fourierShift, resampleBatch } from '../../src/actions/continuous.js';
import { t2 } from '../../src/groups/lie/index.js';

const rng = RandomSource.fromSeed(5);

describe('fourierShift: exact translations on the torus', () => {
  for (const [h, w] of [
    [6, 8],
    [7, 5],
  ]) {
    it(`fourierShift on ${h}x${w} by integer amounts equals a cyclic roll exactly (float32 bit for bit)`, () => {
      const F = 2;
      const data = rng.fillUniform(new Float32Array(F * h * w), -1, 1);
      const shifts: [number, number][] = [
        [1, 0],
        [0, 1],
        [-3, 2],
        [w + 2, -h - 1],
        [0, 0],
      ];
      const y = fourierShift({ data, count: F, height: h, width: w }, shifts);
      for (let f = 0; f < F; f++)
        shifts.forEach(([tx, ty], k) => {
          const rolled = new Float32Array(h * w);
          for (let i = 0; i < h; i++)
            for (let j = 0; j < w; j++) rolled[i * w + j] = data[f * h * w + (((i - ty) % h) + h) % h * w + ((((j - tx) % w) + w) % w)];
          expect(Array.from(y.subarray((f * shifts.length + k) * h * w, (f * shifts.length + k + 1) * h * w))).toEqual(Array.from(rolled));
        });
    });
  }

  it('fourierShift moves a band-limited cosine to its analytic translate for fractional shifts', () => {
    const h = 8;
    const w = 10;
    const wave = (u: number, v: number) => Math.cos((2 * Math.PI * 2 * u) / w + (2 * Math.PI * v) / h + 0.3) + 0.5 * Math.sin((2 * Math.PI * 3 * v) / h);
    const data = Float32Array.from({ length: h * w }, (_, p) => wave(p % w, Math.floor(p / w)));
    const [tx, ty] = [0.37, -1.61];
    const y = fourierShift({ data, count: 1, height: h, width: w }, [[tx, ty]]);
    for (let p = 0; p < h * w; p++) expect(y[p]).toBeCloseTo(wave((p % w) - tx, Math.floor(p / w) - ty), 5);
  });

  it('fourierShift composes on odd sizes: shifting by a then b equals shifting by a + b', () => {
    const h = 9;
    const w = 7;
    const data = rng.fillUniform(new Float32Array(h * w));
    const once = fourierShift({ data, count: 1, height: h, width: w }, [[0.3, 1.7]]);
    const twice = fourierShift({ data: once, count: 1, height: h, width: w }, [[1.45, -0.2]]);
    const direct = fourierShift({ data, count: 1, height: h, width: w }, [[1.75, 1.5]]);
    for (let p = 0; p < h * w; p++) expect(twice[p]).toBeCloseTo(direct[p], 5);
  });

  it('fourierShift and resampleBatch (periodic) agree on integer translations', async () => {
    const h = 6;
    const w = 7;
    const data = rng.fillUniform(new Float32Array(h * w));
    const f = fourierShift({ data, count: 1, height: h, width: w }, [[2, -1]]);
    const r = await resampleBatch({ data, count: 1, height: h, width: w }, [t2.matrix([2, -1])], { border: 'periodic' });
    for (let p = 0; p < h * w; p++) expect(f[p]).toBeCloseTo(r[p], 5);
  });
});
