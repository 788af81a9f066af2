import { InputRangeError } from '../core/errors.js';
import { centeredScatter } from '../core/linalg/centeredScatter.js';
import { spearman } from './statistics.js';

/** A primitive as the confound table needs it: its canonical image and every image of its orbit. */
export interface ConfoundPrimitive {
  readonly name: string;
  /** Canonical image (d values). */
  readonly template: Float32Array;
  /** Every distinct orbit element, size x d (as templateOrbit gives), or a fixed sample of a continuous orbit. */
  readonly orbit: Float32Array;
  /** The orbit measure the world ranks primitives by (|O|, or an orbit dimension). */
  readonly orbitSize: number;
  /** Rows of `orbit`: the elements that the primitive's placements are spread over. */
  readonly elementCount: number;
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
  /** Pixels that are not 0, mean over the orbit's elements (the template's count for a finite orbit). */
  readonly pixelCount: number;
  /** L2 norm, mean over the orbit's elements. */
  readonly energy: number;
  /** Expected appearances of each orbit element per image, by design. */
  readonly elementFrequency: number;
  /** Appearances of each orbit element per image in the generated data (placements / (images elements)). */
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

/** Covariance (d x d, float64) of count rows of d values (the shared centred scatter over count - 1). */
export function dataCovariance(pixels: Float32Array, count: number, d: number): Float64Array {
  if (pixels.length !== count * d) throw new InputRangeError(`dataCovariance: ${pixels.length} values are not ${count} rows of ${d}`);
  const { upper } = centeredScatter(pixels, count, d);
  const C = new Float64Array(d * d);
  for (let p = 0; p < d; p++) {
    for (let q = p; q < d; q++) {
      C[p * d + q] = upper[p * d + q] / (count - 1);
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
    // over the orbit's elements: a permutation orbit keeps the template's numbers, a continuous
    // one (anti-aliased strokes at every angle) does not
    let nonzero = 0;
    let norms = 0;
    const rowsOf = p.orbit.length / d;
    for (let k = 0; k < rowsOf; k++) {
      let ss = 0;
      for (let q = k * d; q < (k + 1) * d; q++) {
        const v = p.orbit[q];
        if (v !== 0) nonzero++;
        ss += v * v;
      }
      norms += Math.sqrt(ss);
    }
    // 12 significant digits: equal by design must not rank by rounding error
    const exact = (x: number, digits = 12) => Number(x.toPrecision(digits));
    return {
      primitive: p.name,
      orbitSize: p.orbitSize,
      stabilizerOrder: p.stabilizerOrder,
      // means of float32 images: equal to their 7 digits when equal by design
      pixelCount: exact(nonzero / rowsOf, 6),
      energy: exact(norms / rowsOf, 6),
      elementFrequency: exact(p.designPlacementsPerImage / p.elementCount),
      elementFrequencyObserved: p.placements / (count * p.elementCount),
      varianceShare: varianceShareAlong(C, d, p.orbit),
    };
  });
  const sizes = rows.map((r) => r.orbitSize);
  const col = (k: keyof Omit<ConfoundRow, 'primitive'>) => rankCorrelation(sizes, rows.map((r) => r[k]));
  return { rows, rho: { pixelCount: col('pixelCount'), energy: col('energy'), elementFrequency: col('elementFrequency'), elementFrequencyObserved: col('elementFrequencyObserved'), varianceShare: col('varianceShare') } };
}
