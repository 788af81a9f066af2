import { orbitDimension } from '../actions/orbitDimension.js';
import { epsStabilizerBatch } from '../actions/epsStabilizerMeasure.js';
import { segmentShapeOrbit } from '../actions/segmentShapeOrbit.js';
import { aff2, gl2 } from '../groups/lie/linearGroups.js';
import { GL2_PRIMITIVES, gl2Linear, gl2Shape, renderSegmentShape, type Gl2Primitive } from '../data/shapes/segmentsFlowers.js';

/** One primitive's orbit measures under one linear group (GL(2) or Aff(2)). */
export interface LinearOrbitMeasures {
  /** Orbit dimension of the ideal zero-width shape, from the closed-form tangents (segmentShapeOrbit). */
  readonly idealDim: number;
  /** Numerical rank of the rendered image's pixel tangent matrix at `tol` (orbitDimension). */
  readonly pixelDim: number;
  /** Singular values of the windowed pixel tangent matrix over ||W x||, descending. */
  readonly singularValues: number[];
  /** epsilon-orbit volume: size of a greedy eps-net of the sampled orbit over the group's box (null when not asked). */
  readonly epsOrbitSize: number | null;
  /** Fraction of the box's samples within eps of x (the epsilon-stabilizer measure; null when not asked). */
  readonly epsStabilizerMeasure: number | null;
}

/** The orbit measures of one rendered primitive of the segments-and-flowers world. */
export interface PrimitiveSpectrum {
  readonly name: Gl2Primitive;
  /** The rendering the measures are of: side x side, flat canvas, the shape's centre at the centre pixel. */
  readonly side: number;
  readonly pixels: Float32Array;
  readonly gl2: LinearOrbitMeasures;
  readonly aff2: LinearOrbitMeasures;
}

/** Options of the spectra: rank tolerance, eps and box samples of the epsilon measures (null eps skips them), the map applied. */
export interface SpectraOptions {
  /** Relative rank tolerance (orbitDimension); default 1e-2. */
  readonly tol?: number;
  /** eps of the epsilon-orbit volume; default 0.25; null = no epsilon measures (they resample, the costly part). */
  readonly eps?: number | null;
  /** Halton samples of the box; default 256. */
  readonly samples?: number;
  /** Point of [0, 1)^5 for the linear map R(theta) exp(X) the primitive is rendered under (gl2Linear); default the identity. */
  readonly pose?: readonly number[];
}

/**
 * GL(2) and Aff(2) orbit measures of every primitive of the segments-and-flowers world (issue 14,
 * item 5a), rendered on a flat (2n+1)-wide canvas so that the disk window of the tangent rank
 * holds the whole shape: the closed-form orbit dimension of the ideal shape, the pixel tangent
 * spectrum and its rank at `tol` (orbitDimension over tangentVectors), and the epsilon-orbit
 * volume and epsilon-stabilizer measure over the group's box (linear part exp(X), |X_ij| <= 0.25;
 * Aff(2) translations within 1 px, since a thin stroke moved by more is eps-far whatever its shape).
 * The ideal segment has GL(2) dimension 2, every flower 4; in pixels the segment keeps a tiny
 * singular value (shear along it) and a width direction (stretch across its 1-px stroke).
 */
export async function segmentFlowerSpectra(n: number, options: SpectraOptions = {}): Promise<PrimitiveSpectrum[]> {
  const side = 2 * n + 1;
  const tol = options.tol ?? 1e-2;
  const eps = options.eps === undefined ? 0.25 : options.eps;
  const samples = options.samples ?? 256;
  const linear = options.pose ? gl2Linear(options.pose) : [1, 0, 0, 1];
  const out: PrimitiveSpectrum[] = [];
  for (const name of GL2_PRIMITIVES) {
    const shape = gl2Shape(name, n);
    const pixels = renderSegmentShape(shape, linear, [n, n], side, side, false);
    const measures = async (group: typeof gl2): Promise<LinearOrbitMeasures> => {
      const od = orbitDimension(pixels, side, side, group, { tol });
      const [e] = eps === null ? [null] : await epsStabilizerBatch({ data: pixels, count: 1, height: side, width: side }, group, { eps, samples, box: { translationRadius: 1 } });
      return {
        idealDim: segmentShapeOrbit(shape, group.name as 'gl2' | 'aff2').orbitDim,
        pixelDim: od.orbitDim,
        singularValues: od.singularValues,
        epsOrbitSize: e ? e.epsOrbitSize : null,
        epsStabilizerMeasure: e ? e.epsStabilizerMeasure : null,
      };
    };
    out.push({ name, side, pixels, gl2: await measures(gl2), aff2: await measures(aff2) });
  }
  return out;
}

/** Whether a measure puts every segment below every flower: 'smaller' is the paper's ranking. */
export function segmentsRankBelowFlowers(spectra: readonly PrimitiveSpectrum[], measure: (s: PrimitiveSpectrum) => number): boolean {
  const isSegment = (s: PrimitiveSpectrum) => s.name === 'segment' || s.name === 'shortSegment';
  const seg = spectra.filter(isSegment).map(measure);
  const flo = spectra.filter((s) => !isSegment(s)).map(measure);
  return Math.max(...seg) < Math.min(...flo);
}
