import { matmul } from '../engine/matmul.js';
import { InputRangeError } from '../core/errors.js';
import { RandomSource } from '../core/random.js';
import type { EncoderLayer } from '../nn/autoencoderLayer.js';
import { applyActivation, activationSlope } from './applyActivation.js';
import { encodeLayer } from './layerForward.js';

const unitsOf = (L: EncoderLayer): number => L.weights.shape[0];
const inputsOf = (L: EncoderLayer): number => L.weights.shape[1];

function checkLayerStack(stack: readonly EncoderLayer[], depth: number, where: string): void {
  if (depth < 1 || depth > stack.length) throw new InputRangeError(`${where}: layer ${depth} is outside a stack of ${stack.length} layers`);
  for (let l = 1; l < stack.length; l++) {
    if (inputsOf(stack[l]) !== unitsOf(stack[l - 1])) {
      throw new InputRangeError(`${where}: layer ${l + 1} takes ${inputsOf(stack[l])} inputs but layer ${l} has ${unitsOf(stack[l - 1])} units`);
    }
  }
}

/**
 * Linear composite of layer `depth`'s units in input space: the rows of W_depth ... W_2 W_1
 * (units x inputs of layer 1). For layer 1 these are the filters themselves. It ignores the
 * nonlinearities, so it is one of three labelled views of a deep unit (SPEC.md, Feature).
 */
export async function linearComposite(stack: readonly EncoderLayer[], depth: number): Promise<Float32Array> {
  checkLayerStack(stack, depth, 'linearComposite');
  let acc = stack[0].weights.W;
  for (let l = 1; l < depth; l++) {
    const L = stack[l];
    acc = (await matmul(L.weights.W, [unitsOf(L), inputsOf(L)], acc, [inputsOf(L), inputsOf(stack[0])])).data;
  }
  return acc;
}

/** Encode a batch (count x inputs) through layers 1..depth; returns every layer's activations. */
export async function encodeThrough(stack: readonly EncoderLayer[], depth: number, x: Float32Array, count: number): Promise<Float32Array[]> {
  checkLayerStack(stack, depth, 'encodeThrough');
  const acts: Float32Array[] = [];
  let h = x;
  for (let l = 0; l < depth; l++) {
    h = await encodeLayer(stack[l], h, count);
    acts.push(h);
  }
  return acts;
}

/**
 * Mean of the top-k activating inputs of each unit of layer `depth` (units x inputs): the inputs
 * the unit responds to most, averaged. `data` is count x inputs of layer 1.
 */
export async function topActivatingMean(stack: readonly EncoderLayer[], depth: number, data: Float32Array, count: number, k = 20): Promise<Float32Array> {
  const acts = (await encodeThrough(stack, depth, data, count))[depth - 1];
  const units = unitsOf(stack[depth - 1]);
  const n = inputsOf(stack[0]);
  const kk = Math.min(k, count);
  const out = new Float32Array(units * n);
  const order = Array.from({ length: count }, (_, i) => i);
  for (let u = 0; u < units; u++) {
    order.sort((a, b) => acts[b * units + u] - acts[a * units + u] || a - b);
    for (let t = 0; t < kk; t++) {
      const i = order[t];
      for (let p = 0; p < n; p++) out[u * n + p] += data[i * n + p] / kk;
    }
  }
  return out;
}

/** Options of activation maximisation. */
export interface ActivationMaxOptions {
  /** L2 bound on the input (default sqrt(inputs), i.e. unit RMS pixel). */
  readonly norm?: number;
  readonly steps?: number;
  readonly stepSize?: number;
  readonly seed?: number;
}

/**
 * Input of L2 norm at most `norm` that maximises unit `unit` of layer `depth` (Erhan et al.
 * 2009, "Visualizing higher-layer features of a deep network"): projected gradient ascent with
 * the analytic gradient of the stack, from a seeded random start. Returns the input and the
 * activation after every step (non-decreasing up to the projection, which the tests check).
 */
export function activationMaximum(stack: readonly EncoderLayer[], depth: number, unit: number, options: ActivationMaxOptions = {}): { input: Float32Array; trace: number[] } {
  checkLayerStack(stack, depth, 'activationMaximum');
  const n = inputsOf(stack[0]);
  const norm = options.norm ?? Math.sqrt(n);
  const steps = options.steps ?? 100;
  const eta = options.stepSize ?? 0.1 * norm;
  const rng = RandomSource.fromSeed(options.seed ?? 0);
  let x: Float64Array = rng.fillNormal(new Float64Array(n));
  x = project(x, norm);
  const trace: number[] = [];
  for (let s = 0; s <= steps; s++) {
    const { value, grad } = forwardBackward(stack, depth, unit, x);
    trace.push(value);
    if (s === steps) break;
    // normalised gradient step, then back onto the ball; halve the step when it would not improve
    let gn = 0;
    for (let i = 0; i < n; i++) gn += grad[i] * grad[i];
    gn = Math.sqrt(gn);
    if (gn === 0) break;
    let step = eta;
    for (let tries = 0; tries < 20; tries++) {
      const cand = project(x.map((v, i) => v + (step * grad[i]) / gn), norm);
      if (forwardBackward(stack, depth, unit, cand).value >= value) {
        x = cand;
        break;
      }
      step /= 2;
    }
  }
  return { input: Float32Array.from(x), trace };
}

function project(x: Float64Array, norm: number): Float64Array {
  let ss = 0;
  for (const v of x) ss += v * v;
  const r = Math.sqrt(ss);
  if (r > norm) for (let i = 0; i < x.length; i++) x[i] *= norm / r;
  return x;
}

/** Activation of one deep unit for one input, and its gradient with respect to the input. */
function forwardBackward(stack: readonly EncoderLayer[], depth: number, unit: number, x: Float64Array): { value: number; grad: Float64Array } {
  const outs: Float64Array[] = [];
  let h: Float64Array = x;
  for (let l = 0; l < depth; l++) {
    const L = stack[l];
    const [units, inputs] = L.weights.shape;
    const { W, b } = L.weights;
    const a = new Float64Array(units);
    for (let u = 0; u < units; u++) {
      let s = b[u];
      for (let i = 0; i < inputs; i++) s += W[u * inputs + i] * h[i];
      a[u] = s;
    }
    const y = Float64Array.from(applyActivation(Float32Array.from(a), L.activation));
    outs.push(y);
    h = y;
  }
  // backward: d y_unit / d x
  let g = new Float64Array(unitsOf(stack[depth - 1]));
  g[unit] = 1;
  for (let l = depth - 1; l >= 0; l--) {
    const L = stack[l];
    const [units, inputs] = L.weights.shape;
    const y = outs[l];
    const ga = g.map((v, u) => v * activationSlope(y[u], L.activation));
    const gin = new Float64Array(inputs);
    for (let u = 0; u < units; u++) {
      if (ga[u] === 0) continue;
      for (let i = 0; i < inputs; i++) gin[i] += ga[u] * L.weights.W[u * inputs + i];
    }
    g = gin;
  }
  return { value: outs[depth - 1][unit], grad: g };
}
