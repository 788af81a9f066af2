import { InputRangeError } from '../core/errors.js';
import type { GrayImage } from './grayImage.js';
import { lieGroup } from '../groups/lie/lieGroupRegistry.js';
import type { LieGroupName } from '../groups/lie/LieGroup.js';
import { epsStabilizerBatch } from './epsStabilizerMeasure.js';
import { orbitDimension } from './orbitDimension.js';
import { IMAGE_ORBIT_DEFAULTS } from './defaults.js';
import type { BorderMode, Interpolation } from './imageStack.js';
import { roundTripError } from './roundTripError.js';

/** Options of the continuous orbit report (the CLI's --eps, --tol, --interp, --border). */
export interface ContinuousOrbitOptions {
  readonly eps?: number;
  readonly tol?: number;
  readonly interp?: Interpolation;
  readonly border?: BorderMode;
  /** Halton samples of the box for the eps measures; default 1024. */
  readonly samples?: number;
}

/** What `orbitscope orbit --group <lie group>` prints; field names are a contract. */
export interface ContinuousOrbitReport {
  readonly group: LieGroupName;
  readonly dim: number;
  readonly orbitDim: number;
  readonly stabilizerDim: number;
  /** Singular values of the windowed tangent matrix J over ||W x||, descending. */
  readonly singularValues: number[];
  readonly tol: number;
  readonly interp: Interpolation;
  readonly border: BorderMode;
  readonly epsStabilizerMeasure?: number;
  readonly epsOrbitSize?: number;
  readonly samples?: number;
  /** The compact parameter box and its measure, in words (with eps). */
  readonly box?: string;
  /** Largest identity round-trip error over the testing elements (with eps); eps should exceed it. */
  readonly errorFloor?: number;
  /** Present when eps is below the error floor: the eps measures then count interpolation error as asymmetry. */
  readonly warnings?: string[];
}

/**
 * Orbit dimension, stabilizer dimension and tangent singular values of one image under a
 * continuous group; with `eps`, also the epsilon-stabilizer measure and epsilon-orbit size over
 * `samples` Halton points of the group's box, and the resampling error floor. T(2) with a
 * periodic border acts by the exact Fourier shift (interp is then unused for the eps measures).
 */
export async function continuousOrbitReport(image: GrayImage, group: LieGroupName, opts: ContinuousOrbitOptions = {}): Promise<ContinuousOrbitReport> {
  const G = lieGroup(group);
  const { height: h, width: w, pixels } = image;
  if (h < 5 || w < 5) throw new InputRangeError(`continuousOrbitReport: image is ${h}x${w}; continuous groups need at least 5x5 pixels`);
  const interp = opts.interp ?? IMAGE_ORBIT_DEFAULTS.interp;
  const border = opts.border ?? IMAGE_ORBIT_DEFAULTS.border;
  const tol = opts.tol ?? IMAGE_ORBIT_DEFAULTS.tol;
  const od = orbitDimension(pixels, h, w, G, { tol, border });
  const base = { group: G.name, dim: od.dim, orbitDim: od.orbitDim, stabilizerDim: od.stabilizerDim, singularValues: od.singularValues, tol, interp, border };
  if (opts.eps === undefined) return base;
  const stack = { data: pixels, count: 1, height: h, width: w };
  // translations on the torus are exact by the Fourier shift: no interpolation error there
  const fourier = G.name === 't2' && border === 'periodic';
  const [r] = await epsStabilizerBatch(stack, G, { eps: opts.eps, samples: opts.samples, interp, border, fourier });
  const [floor] = await roundTripError(stack, G, { interp, border, fourier });
  const warnings = opts.eps <= floor.max ? [`eps ${opts.eps} is not above the resampling error floor ${floor.max.toPrecision(3)} (${interp}, ${border} border): resampling error alone can exceed eps`] : undefined;
  return { ...base, epsStabilizerMeasure: r.epsStabilizerMeasure, epsOrbitSize: r.epsOrbitSize ?? undefined, samples: r.samples, box: r.box, errorFloor: floor.max, ...(warnings ? { warnings } : {}) };
}
