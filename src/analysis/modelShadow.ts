import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { loadDataset } from '../data/loadDataset.js';
import { loadModel, type ModelLayer } from '../nn/modelFile.js';
import { readSnapshots } from '../nn/runStore.js';
import { ALL_SHADOW_FAMILIES, IMAGE_SHADOW_FAMILIES, shadow } from '../shadow/shadow.js';
import type { ShadowFamily, ShadowResult } from '../shadow/shadowResult.js';
import { residualBaseline, stabilisationResiduals } from '../shadow/stabilisationResiduals.js';
import type { QuantileSummary } from '../shadow/quantileSummary.js';
import { encodeThrough } from './inputSpaceFeatures.js';
import { autoencoderLayerOf, reconstruct, type AutoencoderLayer } from './trainedStack.js';

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

const autoencoder = (l: ModelLayer): AutoencoderLayer => autoencoderLayerOf(l.weights, l.activation, l.decoderActivation);

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

/** A ShadowResult as JSON: typed arrays to arrays; GL/O matrices above maxDim left out (`elementOmitted`). */
export function shadowJson(r: ShadowResult, maxDim: number): ShadowJson {
  const out: ShadowJson = {};
  for (const [k, v] of Object.entries(r)) {
    if (ArrayBuffer.isView(v)) out[k] = Array.from(v as Float64Array);
    else if (typeof v === 'number') out[k] = finiteOrNull(v);
    else out[k] = v;
  }
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
 * unknown family, an image family above layer 1) throws a UserError naming it.
 */
export async function modelShadow(o: ModelShadowOptions): Promise<ModelShadow> {
  if (!ALL_SHADOW_FAMILIES.includes(o.family)) throw new UserError(`--family: unknown family "${o.family}"; expected one of ${ALL_SHADOW_FAMILIES.join(', ')}`);
  if (!existsSync(join(o.model, 'model.json'))) throw new UserError(`--model: ${o.model} holds no model.json (a directory written by \`orbitscope train --out DIR\`)`);
  const model = loadModel(o.model);
  const stack = model.layers.map(autoencoder);
  const layer = o.layer ?? 1;
  if (!Number.isInteger(layer) || layer < 1 || layer > stack.length) throw new UserError(`--layer: ${layer} is not a layer of this ${stack.length}-layer model`);
  const image = IMAGE_SHADOW_FAMILIES.includes(o.family);
  if (image && layer !== 1) throw new UserError(`--family ${o.family}: acts on images, so it needs --layer 1 (layer ${layer}'s inputs are codes)`);
  const data = await loadDataset(o.data);
  const d = data.height * data.width;
  if (d !== stack[0].inputs) throw new UserError(`--data: ${o.data} has ${data.height} x ${data.width} images but the model takes ${stack[0].inputs} inputs`);
  const count = Math.min(o.count ?? 500, data.count);
  const pixels = data.pixels.subarray(0, count * d);
  const x = layer === 1 ? Float32Array.from(pixels) : (await encodeThrough(stack, layer - 1, pixels, count))[layer - 2];
  const L = stack[layer - 1];
  const dim = L.inputs;
  const opts = image ? { height: data.height, width: data.width } : {};
  const trainedOut = { inputs: x, outputs: await reconstruct(L, x, count), count, dim };
  const trained = await shadow(trainedOut, o.family, opts);
  const snap0 = readSnapshots(join(o.model, 'snapshots')).find((s) => s.layer === layer - 1 && s.step === 0);
  const maxDim = o.maxElementDim ?? 64;
  let untrained: ShadowJson | null = null;
  let residuals: ModelShadow['residuals'];
  if (snap0) {
    const U: AutoencoderLayer = { ...L, weights: snap0.weights.W, bias: snap0.weights.b, decoderWeights: snap0.weights.V ?? null, decoderBias: snap0.weights.c };
    const untrainedOut = { inputs: x, outputs: await reconstruct(U, x, count), count, dim };
    untrained = shadowJson(await shadow(untrainedOut, o.family, opts), maxDim);
    const b = residualBaseline(trainedOut, untrainedOut);
    residuals = { trained: b.trained.summary, untrained: b.untrained.summary, medianRatio: finiteOrNull(b.medianRatio), fractionImproved: finiteOrNull(b.fractionImproved) };
  } else {
    residuals = { trained: stabilisationResiduals(trainedOut).summary, untrained: null, medianRatio: null, fractionImproved: null };
  }
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
