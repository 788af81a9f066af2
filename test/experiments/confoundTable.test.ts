import { describe, expect, it } from 'vitest';
import { generateShapes } from '../../src/data/index.js';
import { confoundTable, dataCovariance, varianceShareAlong } from '../../src/experiments/confoundTable.js';
import { confoundPrimitives, shapesWorldPrimitives } from '../../src/experiments/world.js';
import { RandomSource } from '../../src/core/random.js';

function tableOf(variant: 'binary' | 'decorrelated', n: number, count: number) {
  const w = generateShapes({ n, count, variant });
  const world = shapesWorldPrimitives(w.truth)!;
  return confoundTable(confoundPrimitives(world, w.truth), w.pixels, count, n * n);
}

describe('confoundTable', () => {
  it('confoundTable of the default decorrelated world (n 12, 8000 images) keeps |Spearman rho| of orbit size with pixel count, energy, element frequency and variance share at most 0.2', () => {
    const t = tableOf('decorrelated', 12, 8000);
    expect(t.rows).toHaveLength(11);
    for (const k of ['pixelCount', 'energy', 'elementFrequency', 'varianceShare'] as const) expect({ k, rho: Math.abs(t.rho[k]) <= 0.2 }).toEqual({ k, rho: true });
    // the generated frequencies agree with the design within sampling error (Poisson, 4 sd)
    for (const r of t.rows) {
      const expected = r.elementFrequency * 8000 * r.orbitSize;
      expect(Math.abs(r.elementFrequencyObserved * 8000 * r.orbitSize - expected)).toBeLessThan(4 * Math.sqrt(expected));
    }
  });

  it('confoundTable of the original binary world shows its confounds: element frequency and pixel count fall with orbit size', () => {
    const t = tableOf('binary', 12, 2000);
    expect(t.rho.elementFrequency).toBeLessThan(-0.8);
    expect(t.rho.pixelCount).toBeLessThan(-0.3);
  });

  it('varianceShareAlong(C, d, orbit) equals u^T C u / tr C computed densely with u the centred unit row', () => {
    const rng = RandomSource.fromSeed(3);
    const d = 9;
    const count = 40;
    const data = Float32Array.from({ length: count * d }, () => rng.float());
    const C = dataCovariance(data, count, d);
    const rows = Float32Array.from({ length: 3 * d }, (_, i) => (i % 4 === 0 ? 0 : rng.normal()));
    let want = 0;
    let trace = 0;
    for (let p = 0; p < d; p++) trace += C[p * d + p];
    for (let k = 0; k < 3; k++) {
      const x = Array.from(rows.subarray(k * d, (k + 1) * d));
      const m = x.reduce((a, b) => a + b, 0) / d;
      const u = x.map((v) => v - m);
      const nu = Math.hypot(...u);
      let q = 0;
      for (let p = 0; p < d; p++) for (let r = 0; r < d; r++) q += (u[p] / nu) * C[p * d + r] * (u[r] / nu);
      want += q / trace / 3;
    }
    expect(varianceShareAlong(C, d, rows)).toBeCloseTo(want, 10);
  });
});
