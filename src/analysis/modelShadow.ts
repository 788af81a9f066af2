import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputRangeError, InvalidInputError } from '../core/errors.js';
import type { OnWorkProgress } from '../core/workProgress.js';
import { loadDataset } from '../data/loadDataset.js';
import { loadModel } from '../nn/modelFile.js';
import { readSnapshots } from '../nn/runStore.js';
import { ALL_SHADOW_FAMILIES, IMAGE_SHADOW_FAMILIES, shadow } from '../shadow/shadow.js';
import type { ShadowFamily, ShadowResult } from '../shadow/shadowResult.js';
import { residualBaseline, stabilizationResiduals } from './stabilizationResiduals.js';
import type { QuantileSummary } from '../core/linalg/quantileSummary.js';
import { encodeThrough } from './inputSpaceFeatures.js';
import { reconstruct } from './layerForward.js';

/** What `modelShadow` is asked to do. */
export interface ModelShadowOptions {
  /** Model directory (model.json + model.bin [+ snapshots/]). */
  readonly model: string;
  /** Dataset spec (loadDataset): shapes[:...], mnist[:count=N], idx:..., natural:..., npy:... */
  readonly data: string;
  readonly family: ShadowFamily;
  /** 1-based layer (default 1); image families need layer 1, whose inputs are images. */
  readonly layer?: number;
  /** Inputs used: the first `count` of the dataset (default 500). */
  readonly count?: number;
  /** GL(n)/O(n) elements of dimension above this are left out of the JSON (default 64). */
  readonly maxElementDim?: number;
  /** Where the model's snapshots are (default `<model>/snapshots`). */
  readonly snapshotsDir?: string;
  /** Progress: one stage, the trained and the untrained fit. */
  readonly onProgress?: OnWorkProgress;
}

/** A shadow result ready for JSON (typed arrays as arrays, n x n matrices only when small). */
export type ShadowJson = Record<string, unknown>;

/** The JSON document `orbitscope shadow` writes (docs/analysis-json.md). */
export interface ModelShadow {
  readonly format: 'orbitscope-shadow';
  readonly version: 1;
  readonly model: string;
  readonly data: string;
  readonly layer: number;
  readonly count: number;
  readonly dim: number;
  readonly family: ShadowFamily;
  readonly height: number | null;
  readonly width: number | null;
  readonly trained: ShadowJson;
  /** The same fit for the untrained network (snapshot step 0 of the layer), or null when the model has no snapshots. */
  readonly untrained: ShadowJson | null;
  readonly residuals: {
    readonly trained: QuantileSummary;
    readonly untrained: QuantileSummary | null;
    readonly medianRatio: number | null;
    readonly fractionImproved: number | null;
  };
}

const WHERE = 'modelShadow';

/** shadow(), with the one data problem a fit finds late said in the user's words. */
async function fitShadow(data: Parameters<typeof shadow>[0], family: ShadowFamily, opts: Parameters<typeof shadow>[2]): Promise<ShadowResult> {
  try {
    return await shadow(data, family, opts);
  } catch (e) {
    if (e instanceof InputRangeError && /linearly dependent/.test(e.message)) {
      throw new InvalidInputError(WHERE, 'data', `the ${data.count} inputs span too few of the ${data.dim} directions for a ${data.dim} x ${data.dim} fit of the ${family} family (their Gram matrix is singular at float32 precision); use more varied data, or the family o or perm`);
    }
    throw e;
  }
}

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

/** A ShadowResult as JSON: typed arrays to arrays; GL/O matrices above maxDim left out (`elementOmitted`). */
export function shadowJson(r: ShadowResult, maxDim: number): ShadowJson {
  const out: ShadowJson = {};
  for (const [k, v] of Object.entries(r)) {
    if (ArrayBuffer.isView(v)) out[k] = Array.from(v as Float64Array);
    else if (typeof v === 'number') out[k] = finiteOrNull(v);
    else out[k] = v;
  }
  // permutations are 1-based images in JSON and text, like `orbitscope group`: pixel q (1-based, row-major) moves to element[q - 1]
  if (r.family === 'perm' || r.family === 'p4m') out.element = Array.from(r.element, (q) => q + 1);
  if ((r.family === 'gl' || r.family === 'o') && r.dim > maxDim) {
    delete out.element;
    out.elementOmitted = true;
  }
  return out;
}

/**
 * The shadow of one greedy layer of a trained model on data: the layer's reconstructions
 * A(x) of its inputs (layer 1: the first `count` images; deeper layers: their codes through the
 * final lower layers), the shadow element and error in `family` (shadow), and the stabilisation
 * residuals r = ||A(x) - x|| / ||x||; with snapshots, the same for the untrained layer
 * (snapshot at step 0) as the baseline. Bad input (missing model, data of the wrong size,
 * unknown family, an image family above layer 1) throws an InvalidInputError naming the option.
 */
export async function modelShadow(o: ModelShadowOptions): Promise<ModelShadow> {
  if (!ALL_SHADOW_FAMILIES.includes(o.family)) throw new InvalidInputError(WHERE, 'family', `unknown family "${o.family}"; expected one of ${ALL_SHADOW_FAMILIES.join(', ')}`);
  if (!existsSync(join(o.model, 'model.json'))) throw new InvalidInputError(WHERE, 'model', `${o.model} holds no model.json (a model directory, as \`orbitscope train\` writes)`);
  const model = loadModel(o.model);
  const stack = model.layers;
  const layer = o.layer ?? 1;
  if (!Number.isInteger(layer) || layer < 1 || layer > stack.length) throw new InvalidInputError(WHERE, 'layer', `${layer} is not a layer of this ${stack.length}-layer model`);
  const image = IMAGE_SHADOW_FAMILIES.includes(o.family);
  if (image && layer !== 1) throw new InvalidInputError(WHERE, 'family', `${o.family} acts on images, so it needs layer 1 (layer ${layer}'s inputs are codes)`);
  const data = await loadDataset(o.data);
  const d = data.height * data.width;
  if (d !== stack[0].weights.shape[1]) throw new InvalidInputError(WHERE, 'data', `${o.data} has ${data.height} x ${data.width} images but the model takes ${stack[0].weights.shape[1]} inputs`);
  const dimOfLayer = stack[layer - 1].weights.shape[1];
  // GL(n) has n^2 parameters and each input gives n equations: with n inputs or fewer any map
  // fits exactly, so the error says nothing. Ask for 2n (as many residual degrees of freedom as
  // parameters); the default count grows to that.
  const glNeeds = 2 * dimOfLayer;
  const count = Math.min(o.count ?? (o.family === 'gl' ? Math.max(500, glNeeds) : 500), data.count);
  if (o.family === 'gl' && count < glNeeds) {
    const why = `${count} inputs of dimension ${dimOfLayer} leave the gl family's ${dimOfLayer} x ${dimOfLayer} matrix underdetermined (any map fits exactly with ${dimOfLayer} inputs or fewer); it needs at least ${glNeeds} inputs`;
    if (data.count < glNeeds) throw new InvalidInputError(WHERE, 'data', `${why}, and ${o.data} has ${data.count}`);
    throw new InvalidInputError(WHERE, 'count', `${why}: ask for ${glNeeds} or more`);
  }
  const pixels = data.pixels.subarray(0, count * d);
  const x = layer === 1 ? Float32Array.from(pixels) : (await encodeThrough(stack, layer - 1, pixels, count))[layer - 2];
  const L = stack[layer - 1];
  const dim = L.weights.shape[1];
  const opts = image ? { height: data.height, width: data.width } : {};
  const trainedOut = { inputs: x, outputs: await reconstruct(L, x, count), count, dim };
  const stage = `${o.family} shadow of layer ${layer} on ${count} inputs`;
  o.onProgress?.({ stage, done: 0, total: 2, unit: 'fits' });
  const trained = await fitShadow(trainedOut, o.family, opts);
  o.onProgress?.({ stage, done: 1, total: 2, unit: 'fits' });
  const snap0 = readSnapshots(o.snapshotsDir ?? join(o.model, 'snapshots')).find((s) => s.layer === layer - 1 && s.step === 0);
  const maxDim = o.maxElementDim ?? 64;
  let untrained: ShadowJson | null = null;
  let residuals: ModelShadow['residuals'];
  if (snap0) {
    const U = { ...L, weights: snap0.weights };
    const untrainedOut = { inputs: x, outputs: await reconstruct(U, x, count), count, dim };
    untrained = shadowJson(await fitShadow(untrainedOut, o.family, opts), maxDim);
    const b = residualBaseline(trainedOut, untrainedOut);
    residuals = { trained: b.trained.summary, untrained: b.untrained.summary, medianRatio: finiteOrNull(b.medianRatio), fractionImproved: finiteOrNull(b.fractionImproved) };
  } else {
    residuals = { trained: stabilizationResiduals(trainedOut).summary, untrained: null, medianRatio: null, fractionImproved: null };
  }
  o.onProgress?.({ stage, done: 2, total: 2, unit: 'fits' });
  return {
    format: 'orbitscope-shadow',
    version: 1,
    model: o.model,
    data: o.data,
    layer,
    count,
    dim,
    family: o.family,
    height: layer === 1 ? data.height : null,
    width: layer === 1 ? data.width : null,
    trained: shadowJson(trained, maxDim),
    untrained,
    residuals,
  };
}
