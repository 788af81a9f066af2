import { z } from 'zod';
import { InputRangeError, parseOptions } from '../core/index.js';
import type { ImageStack } from '../actions/imageStack.js';
import { resampleBatch } from '../actions/resample.js';
import { lieGroup } from '../groups/lie/lieGroupRegistry.js';
import { mat3Mul, type Mat3 } from '../groups/lie/mat3.js';
import { checkAutoencoderOutputs, inputEnergy, type AutoencoderOutputs } from './autoencoderOutputs.js';
import { choleskySolve } from '../core/linalg/choleskySolve.js';
import { shadowGrid, translationGrid } from './shadowGrid.js';
import type { LieShadow, LieShadowFamily } from './shadowResult.js';
import { LIE_SHADOW_FAMILIES } from './families.js';

export { LIE_SHADOW_FAMILIES };

const ImageShadowOptions = z.strictObject({
  height: z.number().int().min(2),
  width: z.number().int().min(2),
  interp: z.enum(['bilinear', 'bicubic']).default('bicubic'),
  border: z.enum(['zero', 'periodic', 'reflect']).default('zero'),
  /** Inputs (the first ones) on which the coarse grid is scored; refinement uses all. */
  gridInputs: z.number().int().min(1).default(32),
  /** Gauss-Newton (Levenberg-Marquardt) steps at most. */
  iterations: z.number().int().min(0).default(30),
  angles: z.number().int().min(1).optional(),
  translationStep: z.number().positive().finite().optional(),
  translationRadius: z.number().min(0).finite().optional(),
  logScales: z.number().int().min(1).optional(),
  logScaleRange: z.number().min(0).finite().optional(),
  linearRange: z.number().min(0).finite().optional(),
  /** Aff(2): linear parts kept from the first stage for the translation stage. */
  keep: z.number().int().min(1).default(8),
});

/** Options of `imageShadow`: image size, resampling, the coarse grid (ShadowGridOptions) and refinement. */
export type ImageShadowOptions = z.input<typeof ImageShadowOptions>;
type Settings = z.output<typeof ImageShadowOptions>;

/** Largest count x elements x pixels of one resampling run. */
const BATCH_FLOATS = 1 << 22;

/** sum_i ||y_i - g.x_i||^2 over inputs [i0, i1) for each element (float32 resampling, float64 sums). */
async function elementErrors(data: AutoencoderOutputs, s: Settings, elements: readonly Mat3[], i0: number, i1: number): Promise<Float64Array> {
  const n = data.dim;
  const out = new Float64Array(elements.length);
  const perImages = Math.max(1, Math.min(i1 - i0, Math.floor(BATCH_FLOATS / n)));
  for (let a = i0; a < i1; a += perImages) {
    const b = Math.min(i1, a + perImages);
    const F = b - a;
    const stack: ImageStack = { data: data.inputs.subarray(a * n, b * n), count: F, height: s.height, width: s.width };
    const perElements = Math.max(1, Math.floor(BATCH_FLOATS / (F * n)));
    for (let g0 = 0; g0 < elements.length; g0 += perElements) {
      const g1 = Math.min(elements.length, g0 + perElements);
      const G = g1 - g0;
      const moved = await resampleBatch(stack, elements.slice(g0, g1), { interp: s.interp, border: s.border });
      for (let f = 0; f < F; f++) {
        const y = (a + f) * n;
        for (let k = 0; k < G; k++) {
          const base = (f * G + k) * n;
          let e = 0;
          for (let p = 0; p < n; p++) {
            const d = data.outputs[y + p] - moved[base + p];
            e += d * d;
          }
          out[g0 + k] += e;
        }
      }
    }
  }
  return out;
}

/** Indices of the `k` smallest values, ascending by value (ties: lower index first). */
function smallest(values: Float64Array, k: number): number[] {
  return Array.from(values.keys())
    .sort((a, b) => values[a] - values[b] || a - b)
    .slice(0, k);
}

/** Finite-difference step per parameter: 0.01 px for translations, 1e-3 for angles, log-scales and matrix entries. */
const stepOf = (name: string) => (name === 'tx' || name === 'ty' ? 1e-2 : 1e-3);

/**
 * Gauss-Newton normal equations at parameters p over all inputs: J^T J and J^T r with
 * r = y - g(p).x and J the Jacobian of g(p).x in the parameters by central differences through
 * the same resampler (so J is the derivative of the interpolant the error is measured with).
 */
async function normalEquations(data: AutoencoderOutputs, s: Settings, family: LieShadowFamily, p: Float64Array) {
  const group = lieGroup(family);
  const k = group.dim;
  const n = data.dim;
  const elements: Mat3[] = [group.matrix(p)];
  const steps = group.paramNames.map(stepOf);
  for (let j = 0; j < k; j++) {
    const plus = Float64Array.from(p);
    const minus = Float64Array.from(p);
    plus[j] += steps[j];
    minus[j] -= steps[j];
    elements.push(group.matrix(plus), group.matrix(minus));
  }
  const G = elements.length;
  const jtj = new Float64Array(k * k);
  const jtr = new Float64Array(k);
  let sse = 0;
  const per = Math.max(1, Math.floor(BATCH_FLOATS / (G * n)));
  const col = new Float64Array(k);
  for (let a = 0; a < data.count; a += per) {
    const b = Math.min(data.count, a + per);
    const moved = await resampleBatch({ data: data.inputs.subarray(a * n, b * n), count: b - a, height: s.height, width: s.width }, elements, { interp: s.interp, border: s.border });
    for (let f = 0; f < b - a; f++) {
      const base = f * G * n;
      for (let q = 0; q < n; q++) {
        const r = data.outputs[(a + f) * n + q] - moved[base + q];
        sse += r * r;
        for (let j = 0; j < k; j++) col[j] = (moved[base + (1 + 2 * j) * n + q] - moved[base + (2 + 2 * j) * n + q]) / (2 * steps[j]);
        for (let i = 0; i < k; i++) {
          jtr[i] += col[i] * r;
          for (let j = 0; j <= i; j++) jtj[i * k + j] += col[i] * col[j];
        }
      }
    }
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) jtj[j * k + i] = jtj[i * k + j];
  return { jtj, jtr, sse };
}

/**
 * The image-plane shadow in a Lie family ('se2' rigid motions, 'sim2' similarities, 'gl2' linear
 * maps about the centre, 'aff2' affine maps): g* = argmin_g sum_i ||A(x_i) - g.x_i||^2 over
 * images of height x width (rows of data.inputs / data.outputs), (g.x)(p) = x(g^-1 p) by the
 * batched resampler (default bicubic, zero border), delta = min / sum ||x_i||^2.
 * Search: a coarse grid (shadowGrid: angles over the full circle, translations within a radius,
 * log-scales and symmetric linear parts in a box, and reflections for GL(2)/Aff(2)) scored on
 * the first `gridInputs` inputs; Aff(2) in two stages (the best `keep` GL(2) grid elements, then
 * each composed with every grid translation). The best grid element is then refined on all
 * inputs by Levenberg-Marquardt (Gauss-Newton with an adaptive damping mu diag(J^T J); Nocedal
 * and Wright, "Numerical Optimization", 2nd ed., sec. 10.3), additive in the group's parameters,
 * with the Jacobian from central finite differences in the parameters through the resampler
 * (steps 0.01 px for translations, 1e-3 otherwise). A step is kept only when it lowers the
 * error, so the result is never worse than the grid. The optimum is local: a minimum outside
 * the grid's basin (e.g. scales beyond the log-scale range) can be missed.
 */
export async function imageShadow(data: AutoencoderOutputs, family: LieShadowFamily, options: ImageShadowOptions): Promise<LieShadow> {
  const where = 'imageShadow';
  if (!LIE_SHADOW_FAMILIES.includes(family)) throw new InputRangeError(`${where}: family must be one of ${LIE_SHADOW_FAMILIES.join(', ')}, got "${String(family)}"`);
  const s = parseOptions(where, ImageShadowOptions, options);
  checkAutoencoderOutputs(where, data);
  if (data.dim !== s.height * s.width) throw new InputRangeError(`${where}: inputs have ${data.dim} values each but height x width = ${s.height} x ${s.width} = ${s.height * s.width}`);
  const sumSquaredInput = inputEnergy(where, data);
  const group = lieGroup(family);
  const gridInputs = Math.min(data.count, s.gridInputs);

  let grid = shadowGrid(family, s);
  let scores = await elementErrors(data, s, grid, 0, gridInputs);
  if (family === 'aff2') {
    const linear = smallest(scores, s.keep).map((i) => grid[i]);
    grid = translationGrid(s).flatMap((t) => linear.map((l) => mat3Mul(t, l)));
    scores = await elementErrors(data, s, grid, 0, gridInputs);
  }
  const gridSize = family === 'aff2' ? shadowGrid(family, s).length + grid.length : grid.length;
  let p = group.fromMatrix(grid[smallest(scores, 1)[0]]);

  let { jtj, jtr, sse } = await normalEquations(data, s, family, p);
  const gridError = sse / sumSquaredInput;
  const k = group.dim;
  let mu = 1e-3;
  let iterations = 0;
  while (iterations < s.iterations && sse > 0) {
    iterations++;
    const a = Float64Array.from(jtj);
    for (let i = 0; i < k; i++) a[i * k + i] += mu * Math.max(jtj[i * k + i], 1e-12);
    let dp: Float64Array;
    try {
      dp = choleskySolve(where, a, jtr, k, 1);
    } catch {
      break; // J^T J singular even with damping: no direction to move in
    }
    const q = p.map((v, i) => v + dp[i]);
    const [trial] = await elementErrors(data, s, [group.matrix(q)], 0, data.count);
    if (trial < sse) {
      const gain = (sse - trial) / sse;
      p = q;
      ({ jtj, jtr, sse } = await normalEquations(data, s, family, p));
      mu = Math.max(mu / 3, 1e-9);
      if (gain < 1e-9) break;
    } else {
      mu *= 4;
      if (mu > 1e8) break;
    }
  }
  if (family === 'se2' || family === 'sim2') p = group.fromMatrix(group.matrix(p)); // wrap the angle
  return {
    family,
    error: sse / sumSquaredInput,
    sumSquaredError: sse,
    sumSquaredInput,
    dim: data.dim,
    element: group.matrix(p),
    params: p,
    paramNames: group.paramNames,
    height: s.height,
    width: s.width,
    interp: s.interp,
    border: s.border,
    gridSize,
    gridInputs,
    gridError,
    iterations,
  };
}
