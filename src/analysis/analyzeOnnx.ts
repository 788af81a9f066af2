import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { InvalidInputError, isUserError } from '../core/errors.js';
import { ANALYSIS_DEFAULTS } from './defaults.js';
import { onnxLayers, type OnnxLayer } from '../nn/onnxLayers.js';
import { parseOnnxModel, resolveInputDims } from '../nn/onnxModel.js';
import { channelOrbits, opponentChannels } from './channelOrbits.js';
import { complexity, type Complexity } from './complexity.js';
import { orbitNumbersToJson, type FeatureOrbitNumbersJson } from '../results/orbitNumbers.js';
import { networkSymmetry, type SymmetryRecord } from './layerSymmetry.js';
import { layerViews, type UnitBox } from './onnxUnitViews.js';
import { receptiveFields } from './receptiveField.js';
import { shuffledWeights } from './shuffledWeights.js';

/** Images an ONNX network is analysed on: count x channels x height x width, row-major. */
export interface OnnxData {
  readonly spec: string;
  readonly count: number;
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  readonly pixels: Float32Array;
}

/** What analyzeOnnx is asked to do. */
export interface AnalyzeOnnxOptions {
  readonly model: string;
  readonly groups: readonly string[];
  readonly data: OnnxData;
  /** Full input shape (batch first) where the model leaves dims symbolic. */
  readonly inputShape?: readonly number[];
  readonly levels?: number;
  readonly tol?: number;
  /** Samples for the top-k view and the data mean (default 1000), and for layer symmetry (default 200). */
  readonly viewSamples?: number;
  readonly symmetrySamples?: number;
  /** k of the top-k view (default 20); steps of activation maximisation (default 60). */
  readonly k?: number;
  readonly steps?: number;
}

/** One view of one unit: its orbit numbers (all channels at once), complexity per channel, colour split. */
export interface UnitView {
  readonly orbits: FeatureOrbitNumbersJson;
  /** One per input channel (null where the patch is too small for a measure). */
  readonly complexity: readonly (Complexity | null)[];
  /** RGB inputs only: orbit numbers of the luminance and the two opponent channels, each alone. */
  readonly colour?: { readonly luminance: FeatureOrbitNumbersJson; readonly redGreen: FeatureOrbitNumbersJson; readonly blueYellow: FeatureOrbitNumbersJson };
  /** Activation maximum: the response reached (and at the data mean, for comparison). */
  readonly response?: number;
  readonly responseAtMean?: number;
  /** The view as an image, channels x height x width (rounded to 5 significant digits). */
  readonly image: readonly number[];
}

/** One unit of an imported layer with its three labelled views. */
export interface OnnxUnitFeatures {
  readonly unit: number;
  readonly views: Readonly<Record<string, UnitView>>;
}

/** One Conv/Gemm/MatMul layer of an imported network. */
export interface OnnxLayerAnalysis {
  /** 1-based, graph order. */
  readonly layer: number;
  readonly node: string;
  readonly op: string;
  readonly units: number;
  readonly filterShape: readonly number[];
  /** The value whose units are analysed, and the ops between the layer and it. */
  readonly response: string;
  readonly responseOps: readonly string[];
  /** The input-space box of a unit's views and their geometry (channels x height x width). */
  readonly box: UnitBox;
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  /** Labels of the three views, as keys of each unit's `views`. */
  readonly viewLabels: readonly string[];
  /** Activation maximisation's norm bound (mean norm of the data's patches in the box). */
  readonly actMaxNorm: number;
  readonly features: readonly OnnxUnitFeatures[];
  readonly invariance: Readonly<Record<string, SymmetryRecord>>;
  /** The same numbers for the control network (weights shuffled within each tensor, `control`). */
  readonly invarianceControl: Readonly<Record<string, SymmetryRecord>>;
  /** Wall-clock seconds of this layer's views and orbit numbers. */
  readonly seconds: number;
}

/** The JSON `orbitscope analyze --model net.onnx` writes (docs/onnx-import.md). */
export interface OnnxModelAnalysis {
  readonly format: 'orbitscope-analysis';
  readonly version: 1;
  readonly source: 'onnx';
  readonly model: string;
  readonly groups: readonly string[];
  readonly levels: number;
  readonly tol: number;
  readonly inputShape: readonly number[];
  readonly data: { readonly spec: string; readonly viewSamples: number; readonly symmetrySamples: number };
  /** Layer symmetry of the input itself (f(x) = x): the reference for the depth trend. */
  readonly inputInvariance: Readonly<Record<string, SymmetryRecord>>;
  /** What invarianceControl was computed on. */
  readonly control: string;
  readonly symmetrySeconds: number;
  readonly layers: readonly OnnxLayerAnalysis[];
}

const round = (a: Float32Array) => Array.from(a, (v) => Number(v.toPrecision(5)));

function safeComplexity(x: Float32Array, h: number, w: number): Complexity | null {
  try {
    return complexity(x, h, w);
  } catch {
    return null;
  }
}

const WHERE = 'analyzeOnnx';

/** A problem the ONNX reader finds in the file is a problem of the `model` input. */
function asModelError<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (isUserError(e) && !(e instanceof InvalidInputError)) throw new InvalidInputError(WHERE, 'model', e.message);
    throw e;
  }
}

/**
 * Analyse every Conv/Gemm/MatMul layer of an ONNX network (exported by PyTorch or any
 * exporter, ops in SUPPORTED_OPS) on data: for each unit the three input-space views
 * (layerViews), each with orbit numbers under the groups acting on all channels at once
 * (channelOrbits), complexity per channel, and for RGB inputs the luminance/opponent split;
 * for each layer the invariance and equivariance of its responses (networkSymmetry), beside the
 * same numbers for the input itself and for the control network (shuffledWeights), so that a
 * depth trend can be told from what the architecture alone gives. Bad input throws an InvalidInputError naming the option.
 */
export async function analyzeOnnx(o: AnalyzeOnnxOptions): Promise<OnnxModelAnalysis> {
  const where = o.model;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(o.model));
  } catch (e) {
    throw new InvalidInputError(WHERE, 'model', `${where}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const { graph, layers } = asModelError(() => {
    const graph = parseOnnxModel(bytes, where);
    return { graph, layers: onnxLayers(graph, where) };
  });
  const dims = resolveInputDims(graph, o.inputShape, 1, where);
  const modelDims = dims.slice(1);
  const d = o.data;
  const per = d.channels * d.height * d.width;
  if (per !== modelDims.reduce((a, b) => a * b, 1)) throw new InvalidInputError(WHERE, 'data', `${d.spec} gives ${d.channels} x ${d.height} x ${d.width} images but the model takes [${modelDims.join(', ')}]`);
  if (modelDims.length === 3 && (modelDims[0] !== d.channels || modelDims[1] !== d.height || modelDims[2] !== d.width)) throw new InvalidInputError(WHERE, 'data', `${d.spec} gives ${d.channels} x ${d.height} x ${d.width} images but the model takes [${modelDims.join(', ')}]`);
  const imageDims = [d.channels, d.height, d.width];
  const levels = o.levels ?? ANALYSIS_DEFAULTS.levels;
  const tol = o.tol ?? ANALYSIS_DEFAULTS.tol;
  const viewCount = Math.min(d.count, o.viewSamples ?? 1000);
  const symCount = Math.min(d.count, o.symmetrySamples ?? 200);
  const fields = receptiveFields(graph);
  const t0 = performance.now();
  const symmetry = await networkSymmetry(graph, layers, modelDims, fields, d.pixels.subarray(0, symCount * per), symCount, o.groups, imageDims);
  const controlGraph = shuffledWeights(graph, layers, 0);
  const control = await networkSymmetry(controlGraph, onnxLayers(controlGraph, where), modelDims, fields, d.pixels.subarray(0, symCount * per), symCount, o.groups, imageDims);
  const symmetrySeconds = (performance.now() - t0) / 1000;
  const out: OnnxLayerAnalysis[] = [];
  for (const layer of layers) {
    const t1 = performance.now();
    out.push({ ...(await analyzeLayer(graph, layer, modelDims, imageDims, fields, d, viewCount, o, levels, tol)), invariance: symmetry.layers[layer.index], invarianceControl: control.layers[layer.index], seconds: 0 });
    (out[out.length - 1] as { seconds: number }).seconds = Number(((performance.now() - t1) / 1000).toFixed(3));
  }
  return {
    format: 'orbitscope-analysis',
    version: 1,
    source: 'onnx',
    model: o.model,
    groups: [...o.groups],
    levels,
    tol,
    inputShape: dims,
    data: { spec: d.spec, viewSamples: viewCount, symmetrySamples: symCount },
    inputInvariance: symmetry.input,
    control: 'the same network with the weights of every Conv/Gemm/MatMul shuffled within their tensor (seed 0); biases and BatchNorm kept',
    symmetrySeconds: Number(symmetrySeconds.toFixed(3)),
    layers: out,
  };
}

async function analyzeLayer(
  graph: ReturnType<typeof parseOnnxModel>,
  layer: OnnxLayer,
  modelDims: readonly number[],
  imageDims: readonly number[],
  fields: ReturnType<typeof receptiveFields>,
  d: OnnxData,
  viewCount: number,
  o: AnalyzeOnnxOptions,
  levels: number,
  tol: number,
): Promise<Omit<OnnxLayerAnalysis, 'invariance' | 'invarianceControl' | 'seconds'>> {
  const v = await layerViews(graph, layer, modelDims, fields.get(layer.output) ?? 'dense', d.pixels.subarray(0, viewCount * d.channels * d.height * d.width), viewCount, { k: o.k, steps: o.steps, imageDims });
  const { height: h, width: w } = v.box;
  const C = v.channels;
  const n = h * w;
  const labels = [v.linearLabel, `top-${v.k} mean`, 'activation maximum'];
  const images = [v.linear, v.topK, v.actMax];
  const orbitSets = images.map((F) => channelOrbits(F, layer.units, C, h, w, { groups: o.groups, levels, tol }));
  const colorSets =
    C === 3
      ? images.map((F) => {
          const opp = opponentChannels(F, layer.units, h, w);
          const one = (c: number) => {
            const x = new Float32Array(layer.units * n);
            for (let u = 0; u < layer.units; u++) x.set(opp.subarray((u * 3 + c) * n, (u * 3 + c + 1) * n), u * n);
            return channelOrbits(x, layer.units, 1, h, w, { groups: o.groups, levels, tol });
          };
          return [one(0), one(1), one(2)];
        })
      : null;
  const features: OnnxUnitFeatures[] = Array.from({ length: layer.units }, (_, u) => {
    const views: Record<string, UnitView> = {};
    labels.forEach((label, i) => {
      const img = images[i].subarray(u * C * n, (u + 1) * C * n);
      views[label] = {
        orbits: orbitNumbersToJson(orbitSets[i][u]),
        complexity: Array.from({ length: C }, (_, c) => safeComplexity(img.subarray(c * n, (c + 1) * n), h, w)),
        ...(colorSets ? { colour: { luminance: orbitNumbersToJson(colorSets[i][0][u]), redGreen: orbitNumbersToJson(colorSets[i][1][u]), blueYellow: orbitNumbersToJson(colorSets[i][2][u]) } } : {}),
        ...(i === 2 ? { response: v.actMaxValue[u], responseAtMean: v.meanValue[u] } : {}),
        image: round(img),
      };
    });
    return { unit: u, views };
  });
  return { layer: layer.index + 1, node: layer.node, op: layer.op, units: layer.units, filterShape: layer.filterShape, response: layer.response, responseOps: layer.responseOps, box: v.box, channels: C, height: h, width: w, viewLabels: labels, actMaxNorm: v.norm, features };
}
