import type { Dataset } from './dataset.js';
import { primitiveCounts } from './shapes/generateShapes.js';
import { catalogJson, shapesCatalog } from './shapes/catalogue.js';

/** What `orbitscope data` prints: sizes, value statistics, label and primitive counts. */
export interface DatasetSummary {
  readonly spec: string;
  readonly count: number;
  readonly height: number;
  readonly width: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** Population standard deviation over all pixels. */
  readonly std: number;
  readonly hash: string;
  /** Samples per label, when the dataset has labels. */
  readonly labelCounts?: Record<string, number>;
  /** Shapes datasets: variant and placements per primitive. */
  readonly shapes?: {
    readonly variant: string;
    readonly noise: number;
    readonly primitiveCounts: Record<string, number>;
    /** shapesCatalogue(n, {variant}) with numbers: orbit sizes and stabilizer orders per primitive. */
    readonly catalogue: Array<Record<string, unknown>>;
  };
  /** Whitened datasets: the ZCA epsilon and the covariance eigenvalue range. */
  readonly whitening?: { readonly epsilon: number; readonly largestEigenvalue: number; readonly smallestEigenvalue: number };
}

/** Summary statistics of a dataset (one pass over the pixels, accumulated in float64). */
export function summarizeDataset(d: Dataset): DatasetSummary {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < d.pixels.length; i++) {
    const v = d.pixels[i];
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    sq += v * v;
  }
  const n = d.pixels.length;
  const mean = sum / n;
  const out: DatasetSummary = {
    spec: d.spec,
    count: d.count,
    height: d.height,
    width: d.width,
    min,
    max,
    mean,
    std: Math.sqrt(Math.max(0, sq / n - mean * mean)),
    hash: d.hash,
  };
  const extra: Partial<Record<'labelCounts' | 'shapes' | 'whitening', unknown>> = {};
  if (d.labels) {
    const counts: Record<string, number> = {};
    for (const l of d.labels) counts[l] = (counts[l] ?? 0) + 1;
    extra.labelCounts = counts;
  }
  if (d.shapes) {
    extra.shapes = {
      variant: d.shapes.variant,
      noise: d.shapes.noise,
      primitiveCounts: primitiveCounts(d.shapes),
      catalogue: catalogJson(shapesCatalog(d.shapes.n, { variant: d.shapes.variant })),
    };
  }
  if (d.whitening) {
    const ev = d.whitening.eigenvalues;
    extra.whitening = { epsilon: d.whitening.epsilon, largestEigenvalue: ev[0], smallestEigenvalue: ev[ev.length - 1] };
  }
  return { ...out, ...extra } as DatasetSummary;
}
