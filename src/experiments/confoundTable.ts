import { InputRangeError } from '../core/errors.js';
import { spearman } from './statistics.js';

/** A primitive as the confound table needs it: its canonical image and every image of its orbit. */
export interface ConfoundPrimitive {
  readonly name: string;
  /** Canonical image (d values). */
  readonly template: Float32Array;
  /** Every distinct orbit element, size x d (as templateOrbit gives). */
  readonly orbit: Float32Array;
  readonly orbitSize: number;
  readonly stabilizerOrder: number;
  /** Placements of this primitive in the data. */
  readonly placements: number;
  /** Expected placements per image by the world's design (mean primitives per image x its share of the weights). */
  readonly designPlacementsPerImage: number;
}

/** One row of the confound table. */
export interface ConfoundRow {
  readonly primitive: string;
  readonly orbitSize: number;
  readonly stabilizerOrder: number;
  /** Pixels that are not 0. */
  readonly pixelCount: number;
  /** L2 norm of the template. */
  readonly energy: number;
  /** Expected appearances of each orbit element per image, by design. */
  readonly elementFrequency: number;
  /** Appearances of each orbit element per image in the generated data (placements / (images |O|)). */
  readonly elementFrequencyObserved: number;
  /**
   * Share of the data's total variance along the primitive's orbit: the mean over orbit elements
   * of u^T C u / tr C, u the element centred and scaled to unit norm, C the data covariance.
   */
  readonly varianceShare: number;
}

/** The confound table with the rank correlation of orbit size with each column. */
export interface ConfoundTable {
  readonly rows: readonly ConfoundRow[];
  /** Spearman rho(orbit size, column); 0 for a column constant by design (nothing to correlate). */
  readonly rho: { readonly pixelCount: number; readonly energy: number; readonly elementFrequency: number; readonly elementFrequencyObserved: number; readonly varianceShare: number };
}

/** Covariance (d x d, float64) of count rows of d values. Hand-written: a plain double loop is enough at d <= 1024. */
export function dataCovariance(pixels: Float32Array, count: number, d: number): Float64Array {
  if (pixels.length !== count * d) throw new InputRangeError(`dataCovariance: ${pixels.length} values are not ${count} rows of ${d}`);
  const mean = new Float64Array(d);
  for (let i = 0; i < count; i++) for (let p = 0; p < d; p++) mean[p] += pixels[i * d + p];
  for (let p = 0; p < d; p++) mean[p] /= count;
  const C = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < count; i++) {
    for (let p = 0; p < d; p++) row[p] = pixels[i * d + p] - mean[p];
    for (let p = 0; p < d; p++) {
      const a = row[p];
      if (a === 0) continue;
      for (let q = p; q < d; q++) C[p * d + q] += a * row[q];
    }
  }
  for (let p = 0; p < d; p++) {
    for (let q = p; q < d; q++) {
      C[p * d + q] /= count - 1;
      C[q * d + p] = C[p * d + q];
    }
  }
  return C;
}

/**
 * u^T C u / tr C averaged over the rows x of `orbit`, u = (x - mean(x)) / ||x - mean(x)||.
 * Uses u^T C u = (x^T C x - 2 m x^T C 1 + m^2 1^T C 1) / ||u||^2 over the non-zero pixels of x,
 * so a sparse primitive costs k^2, not d^2, per orbit element.
 */
export function varianceShareAlong(C: Float64Array, d: number, orbit: Float32Array): number {
  let trace = 0;
  let all = 0;
  const rowSum = new Float64Array(d);
  for (let p = 0; p < d; p++) {
    trace += C[p * d + p];
    for (let q = 0; q < d; q++) rowSum[p] += C[p * d + q];
    all += rowSum[p];
  }
  const rows = orbit.length / d;
  const idx: number[] = [];
  let sum = 0;
  for (let k = 0; k < rows; k++) {
    const x = orbit.subarray(k * d, (k + 1) * d);
    idx.length = 0;
    let mean = 0;
    let xx = 0;
    for (let p = 0; p < d; p++) {
      if (x[p] === 0) continue;
      idx.push(p);
      mean += x[p];
      xx += x[p] * x[p];
    }
    mean /= d;
    const norm2 = xx - d * mean * mean;
    if (norm2 <= 0) continue;
    let xCx = 0;
    let xC1 = 0;
    for (const p of idx) {
      xC1 += x[p] * rowSum[p];
      for (const q of idx) xCx += x[p] * C[p * d + q] * x[q];
    }
    sum += (xCx - 2 * mean * xC1 + mean * mean * all) / norm2;
  }
  return trace > 0 ? sum / rows / trace : 0;
}

const rankCorrelation = (xs: readonly number[], ys: readonly number[]) => {
  const r = spearman(xs, ys);
  return Number.isFinite(r) ? r : 0;
};

/**
 * The confound table of a synthetic world (issue 14): per primitive its orbit size, stabilizer,
 * pixel count, energy, frequency of each orbit element (by design and as generated) and its share
 * of the data variance, with Spearman's rho between orbit size and each. A world decorrelates
 * orbit size from these when every |rho| is small (the decorrelated world's test asks <= 0.2).
 */
export function confoundTable(primitives: readonly ConfoundPrimitive[], pixels: Float32Array, count: number, d: number): ConfoundTable {
  const C = dataCovariance(pixels, count, d);
  const rows: ConfoundRow[] = primitives.map((p) => {
    let nonzero = 0;
    let ss = 0;
    for (const v of p.template) {
      if (v !== 0) nonzero++;
      ss += v * v;
    }
    return {
      primitive: p.name,
      orbitSize: p.orbitSize,
      stabilizerOrder: p.stabilizerOrder,
      pixelCount: nonzero,
      energy: Math.sqrt(ss),
      // 12 significant digits: equal by design must not rank by rounding error
      elementFrequency: Number((p.designPlacementsPerImage / p.orbitSize).toPrecision(12)),
      elementFrequencyObserved: p.placements / (count * p.orbitSize),
      varianceShare: varianceShareAlong(C, d, p.orbit),
    };
  });
  const sizes = rows.map((r) => r.orbitSize);
  const col = (k: keyof Omit<ConfoundRow, 'primitive'>) => rankCorrelation(sizes, rows.map((r) => r[k]));
  return { rows, rho: { pixelCount: col('pixelCount'), energy: col('energy'), elementFrequency: col('elementFrequency'), elementFrequencyObserved: col('elementFrequencyObserved'), varianceShare: col('varianceShare') } };
}
