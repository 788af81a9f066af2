import { existsSync, readFileSync, statSync } from 'node:fs';
import { isFeatureFiniteGroup, FEATURE_GROUP_NAMES } from '../groups/groupNames.js';
import { join } from 'node:path';
import { InvalidInputError } from '../core/errors.js';
import type { OnWorkProgress } from '../core/workProgress.js';
import { isLieGroupName } from '../groups/lie/lieGroupRegistry.js';
import { loadModel } from '../nn/modelFile.js';
import { readSnapshots } from '../nn/runStore.js';
import { complexity, type Complexity } from './complexity.js';
import { cosine } from './cosine.js';
import { unitEmergence } from './emergence.js';
import { featureOrbits } from './featureOrbits.js';
import { orbitNumbersToJson, type FeatureOrbitNumbersJson } from '../results/orbitNumbers.js';
import { linearComposite } from './inputSpaceFeatures.js';
import { onnxFeatures } from './onnxFeatures.js';
import { ANALYSIS_DEFAULTS } from './defaults.js';

/** What `analyzeModel` is asked to do. */
export interface AnalyzeModelOptions {
  /** A model directory (model.json + model.bin [+ snapshots/]) or an .onnx file. */
  readonly model: string;
  /** Group names: finite pixel groups (translations, d4, p4m) and image-plane Lie groups (so2, se2, ...). */
  readonly groups: readonly string[];
  /** epsilon of the epsilon-stabilizers (Lie: sampled measure over the group's box; finite: enumerated); null = skip. */
  readonly eps: number | null;
  /** 'last': the final weights only; 'all': every greedy snapshot in DIR/snapshots, plus unit emergence. */
  readonly snapshots: 'all' | 'last';
  /** Input image size; default a square of side sqrt(inputs). */
  readonly height?: number;
  readonly width?: number;
  /** Quantisation levels before exact finite stabilizers (default ANALYSIS_DEFAULTS.levels, as `orbitscope run`). */
  readonly levels?: number;
  /** Relative tolerance of tangent ranks (default ANALYSIS_DEFAULTS.tol, as `orbitscope run`). */
  readonly tol?: number;
  /** Halton samples of each Lie group's box for eps measures (default ANALYSIS_DEFAULTS.samples). */
  readonly samples?: number;
  /** Cosine to the final filter that defines a unit's emergence (default ANALYSIS_DEFAULTS.emergenceCosine). */
  readonly emergenceCosine?: number;
  /** Where the model's snapshots are (default `<model>/snapshots`; a run directory keeps them in snapshots/seed-s). */
  readonly snapshotsDir?: string;
  /** Progress of the analysis: one stage per layer, one item per group and snapshot. */
  readonly onProgress?: OnWorkProgress;
}

/** One unit's numbers at one snapshot. */
export interface FeatureRecord {
  readonly unit: number;
  readonly orbits: FeatureOrbitNumbersJson;
  readonly complexity: Complexity;
}

/** One layer at one snapshot. */
export interface SnapshotRecord {
  /** Training step of the layer (null for the final model or an ONNX file). */
  readonly step: number | null;
  readonly epoch: number | null;
  readonly features: readonly FeatureRecord[];
}

/** One layer's analysis. */
export interface LayerAnalysis {
  /** 1-based; layer 1 is next to the data. */
  readonly layer: number;
  readonly units: number;
  readonly snapshots: readonly SnapshotRecord[];
  /** Per unit: the snapshot index, step and epoch of its emergence (snapshots 'all' only, else null). */
  readonly emergence: readonly { unit: number; snapshot: number; step: number; epoch: number }[] | null;
}

/** The JSON document `orbitscope analyze` writes (docs/analysis-json.md). */
export interface ModelAnalysis {
  readonly format: 'orbitscope-analysis';
  readonly version: 1;
  readonly model: string;
  readonly source: 'model' | 'onnx';
  readonly groups: readonly string[];
  readonly eps: number | null;
  readonly levels: number;
  readonly tol: number;
  readonly samples: number;
  readonly emergenceCosine: number | null;
  readonly height: number;
  readonly width: number;
  /** For ONNX input: the node and initializer the features came from. */
  readonly onnx: { opType: string; node: string; initializer: string } | null;
  readonly layers: readonly LayerAnalysis[];
}

const KNOWN = FEATURE_GROUP_NAMES;
const WHERE = 'analyzeModel';

function imageSize(inputs: number, height: number | undefined, width: number | undefined): { height: number; width: number } {
  if (height === undefined && width === undefined) {
    const side = Math.round(Math.sqrt(inputs));
    if (side * side !== inputs) throw new InvalidInputError(WHERE, ['height', 'width'], `the model takes ${inputs} inputs, not a square; give the image height and width`);
    return { height: side, width: side };
  }
  if (height !== undefined && width !== undefined && height * width !== inputs) throw new InvalidInputError(WHERE, ['height', 'width'], `the model takes ${inputs} inputs, not ${height} x ${width} = ${height * width}`);
  const [given, input] = height !== undefined ? [height, 'height'] : [width!, 'width'];
  if (inputs % given !== 0) throw new InvalidInputError(WHERE, input, `${given} does not divide the model's ${inputs} inputs into whole rows`);
  const h = height ?? inputs / width!;
  const w = width ?? inputs / h;
  return { height: h, width: w };
}

/**
 * Orbit numbers (featureOrbits) and complexity measures of every unit of every layer of a
 * trained model, in input space (layer 1: the filters; deeper layers: the linear composite
 * W_l ... W_1), at the final weights or at every greedy snapshot (deeper layers' snapshots are
 * composed with the final lower layers, which were fixed while they trained), with each unit's
 * emergence: the first snapshot after which the (uncentred) cosine of its filter to its final
 * filter stays >= emergenceCosine (unitEmergence). An .onnx file gives its first dense or
 * convolutional layer (onnxFeatures). eps applies to the Lie groups' sampled measures (at the
 * last snapshot only, as `orbitscope run`) and to the finite groups' enumerated eps-stabilizers
 * of the mean-centred feature. Bad input throws an InvalidInputError naming the option.
 */
export async function analyzeModel(o: AnalyzeModelOptions): Promise<ModelAnalysis> {
  if (!o.groups.length) throw new InvalidInputError(WHERE, 'groups', 'give at least one group');
  for (const g of o.groups) {
    if (!isFeatureFiniteGroup(g) && !isLieGroupName(g)) throw new InvalidInputError(WHERE, 'groups', `unknown group "${g}"; expected some of ${KNOWN.join(', ')}`);
  }
  if (!existsSync(o.model)) throw new InvalidInputError(WHERE, 'model', `${o.model} does not exist`);
  const levels = o.levels ?? ANALYSIS_DEFAULTS.levels;
  const tol = o.tol ?? ANALYSIS_DEFAULTS.tol;
  const samples = o.samples ?? ANALYSIS_DEFAULTS.samples;
  const emergenceCosine = o.emergenceCosine ?? ANALYSIS_DEFAULTS.emergenceCosine;
  let stage = { name: '', done: 0, total: 0 };
  const startStage = (name: string, total: number) => {
    stage = { name, done: 0, total };
    o.onProgress?.({ stage: name, done: 0, total, unit: 'group analyses' });
  };
  const onGroupDone = () => o.onProgress?.({ stage: stage.name, done: ++stage.done, total: stage.total, unit: 'group analyses' });
  const analyze = async (F: Float32Array, units: number, h: number, w: number, last: boolean): Promise<FeatureRecord[]> => {
    const orbits = await featureOrbits(F, units, h, w, { groups: o.groups, levels, tol, eps: last ? o.eps : null, finiteEps: last ? o.eps : null, samples, onGroupDone });
    const n = h * w;
    return orbits.map((orb, u) => ({ unit: u, orbits: orbitNumbersToJson(orb), complexity: complexity(F.subarray(u * n, (u + 1) * n), h, w) }));
  };
  const base = { format: 'orbitscope-analysis', version: 1, model: o.model, groups: [...o.groups], eps: o.eps, levels, tol, samples } as const;

  if (statSync(o.model).isFile()) {
    if (!o.model.endsWith('.onnx')) throw new InvalidInputError(WHERE, 'model', `${o.model} is a file but not .onnx; give a model directory or an ONNX file`);
    let f;
    try {
      f = onnxFeatures(new Uint8Array(readFileSync(o.model)), { height: o.height, width: o.width }, o.model);
    } catch (e) {
      throw new InvalidInputError(WHERE, 'model', (e as Error).message);
    }
    if (f.channels !== 1) throw new InvalidInputError(WHERE, 'model', `${o.model}'s first layer (${f.opType} "${f.node}") has ${f.channels} input channels; only single-channel filters are analysed`);
    startStage(`${o.model}: ${f.units} filters`, o.groups.length);
    const features = await analyze(f.data, f.units, f.height, f.width, true);
    return { ...base, source: 'onnx', emergenceCosine: null, height: f.height, width: f.width, onnx: { opType: f.opType, node: f.node, initializer: f.initializer }, layers: [{ layer: 1, units: f.units, snapshots: [{ step: null, epoch: null, features }], emergence: null }] };
  }

  if (!existsSync(join(o.model, 'model.json'))) throw new InvalidInputError(WHERE, 'model', `${o.model} holds no model.json; train one first (\`orbitscope train\`)`);
  const model = loadModel(o.model);
  const snapshotsDir = o.snapshotsDir ?? join(o.model, 'snapshots');
  const finals = model.fineTuned ?? model.layers;
  const greedy = model.layers;
  const { height, width } = imageSize(finals[0].weights.shape[1], o.height, o.width);
  const n = height * width;
  const snaps = o.snapshots === 'all' ? readSnapshots(snapshotsDir).filter((s) => s.layer >= 0) : [];
  if (o.snapshots === 'all' && snaps.length === 0) throw new InvalidInputError(WHERE, 'snapshots', `"all", but ${snapshotsDir} holds no snapshots`);
  const layers: LayerAnalysis[] = [];
  for (let l = 0; l < finals.length; l++) {
    const units = finals[l].weights.shape[0];
    const snapshotCount = o.snapshots === 'last' ? 1 : snaps.filter((s) => s.layer === l).length;
    startStage(`layer ${l + 1}/${finals.length}: ${units} units${o.snapshots === 'all' ? ` x ${snapshotCount} snapshots` : ''}`, snapshotCount * o.groups.length);
    if (o.snapshots === 'last') {
      const F = await linearComposite(finals, l + 1);
      layers.push({ layer: l + 1, units, snapshots: [{ step: null, epoch: null, features: await analyze(F, units, height, width, true) }], emergence: null });
      continue;
    }
    const mine = snaps.filter((s) => s.layer === l).sort((a, b) => a.step - b.step);
    if (!mine.length) throw new InvalidInputError(WHERE, 'snapshots', `"all", but ${snapshotsDir} holds no snapshots of layer ${l}`);
    const composites: Float32Array[] = [];
    for (const s of mine) composites.push(await linearComposite([...greedy.slice(0, l), { ...greedy[l], weights: s.weights }], l + 1));
    const records: SnapshotRecord[] = [];
    for (let k = 0; k < mine.length; k++) records.push({ step: mine[k].step, epoch: mine[k].epoch, features: await analyze(composites[k], units, height, width, k === mine.length - 1) });
    const final = composites[composites.length - 1];
    const emergence = Array.from({ length: units }, (_, u) => {
      const fu = final.subarray(u * n, (u + 1) * n);
      const k = unitEmergence(composites.map((F) => cosine(F.subarray(u * n, (u + 1) * n), fu)), emergenceCosine);
      return { unit: u, snapshot: k, step: mine[k].step, epoch: mine[k].epoch };
    });
    layers.push({ layer: l + 1, units, snapshots: records, emergence });
  }
  return { ...base, source: 'model', emergenceCosine: o.snapshots === 'all' ? emergenceCosine : null, height, width, onnx: null, layers };
}
