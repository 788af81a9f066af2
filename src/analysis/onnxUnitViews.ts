import { InvalidInputError } from '../core/errors.js';
import { float32 } from '../engine/tensor.js';
import { OnnxGradient, valueShapes } from '../nn/onnxGradient.js';
import { onnxValues } from '../nn/onnxForward.js';
import type { OnnxLayer } from '../nn/onnxLayers.js';
import type { ImportedGraph } from '../nn/onnxModel.js';
import type { ReceptiveField } from './receptiveField.js';

const NONLINEAR = new Set(['Relu', 'Sigmoid', 'Tanh', 'Gelu', 'MaxPool']);

/** The input-space box a unit of a layer sees: rows [row0, row0 + height), cols likewise (may reach past the frame). */
export interface UnitBox {
  readonly row0: number;
  readonly col0: number;
  readonly height: number;
  readonly width: number;
  /** Output position of the unit (conv layers: the centre of the map), null for dense layers. */
  readonly position: readonly [number, number] | null;
}

/** The three labelled input-space views of every unit of one layer (SPEC.md, Feature). */
export interface LayerViews {
  readonly box: UnitBox;
  /** Channels of the input (views are units x channels x box.height x box.width). */
  readonly channels: number;
  /** 'linear composite' when no nonlinearity lies between input and layer, else 'linearised at the data mean'. */
  readonly linearLabel: 'linear composite' | 'linearised at the data mean';
  readonly linear: Float32Array;
  /** Mean of the k input patches (box crops) with the highest response, over the data. */
  readonly topK: Float32Array;
  readonly k: number;
  /** Activation maximum of the response under ||patch|| <= norm (the mean norm of the data's patches in the box). */
  readonly actMax: Float32Array;
  readonly actMaxValue: readonly number[];
  /** Response of each unit at the data mean, for comparison with actMaxValue. */
  readonly meanValue: readonly number[];
  readonly norm: number;
}

/** Options of layerViews. */
export interface LayerViewOptions {
  readonly k?: number;
  readonly steps?: number;
  /** The input as images [C, H, W] when the model takes it flat ([d] with d = C H W). */
  readonly imageDims?: readonly number[];
}

/** Copy the box of a C x H x W image into a C x bh x bw patch (zeros outside the frame). */
export function cropBox(image: Float32Array, C: number, H: number, W: number, box: UnitBox, out: Float32Array, offset = 0, rowShift = 0, colShift = 0): void {
  const { height: bh, width: bw } = box;
  for (let c = 0; c < C; c++)
    for (let i = 0; i < bh; i++) {
      const r = box.row0 + rowShift + i;
      for (let j = 0; j < bw; j++) {
        const col = box.col0 + colShift + j;
        out[offset + (c * bh + i) * bw + j] = r >= 0 && r < H && col >= 0 && col < W ? image[(c * H + r) * W + col] : 0;
      }
    }
}

/** Whether a nonlinear op lies on a path from the graph input to `value`. */
export function pathIsLinear(graph: ImportedGraph, value: string): boolean {
  const producers = new Map(graph.nodes.flatMap((n) => n.outputs.map((o) => [o, n] as const)));
  const seen = new Set<string>();
  const stack = [value];
  while (stack.length) {
    const v = stack.pop()!;
    const n = producers.get(v);
    if (!n || seen.has(v)) continue;
    seen.add(v);
    if (NONLINEAR.has(n.op)) return false;
    stack.push(...n.inputs);
  }
  return true;
}

/**
 * The three input-space views of every unit of `layer` (conv units at the centre of their map,
 * cropped to their receptive field; dense units over the whole input): (a) the gradient of the
 * unit's pre-activation at the data mean, which is the exact linear composite when the path from
 * the input is linear; (b) the mean of the top-k patches by response over `data` (every sample
 * and, for conv layers, every position); (c) the patch of norm at most the data's mean patch
 * norm that maximises the response (projected gradient ascent through the backward graph from
 * the unit's most activating data patch, one step-size per unit that grows on success and halves on failure, so the response
 * never decreases). `data` is count x (C x H x W), as the model takes it.
 */
export async function layerViews(graph: ImportedGraph, layer: OnnxLayer, inputDims: readonly number[], rf: ReceptiveField, data: Float32Array, count: number, o: LayerViewOptions = {}): Promise<LayerViews> {
  const [C, H, W] = o.imageDims ?? (inputDims.length === 3 ? inputDims : [1, 1, inputDims[0]]);
  const size = C * H * W;
  const units = layer.units;
  const k = Math.min(o.k ?? 20, count);
  const shapes = await valueShapes(graph, [units, ...inputDims]);
  const outDims = shapes.get(layer.output)!;
  const respDims = shapes.get(layer.response)!;
  const spatial = outDims.length === 4;
  const position: [number, number] | null = spatial ? [Math.floor((outDims[2] - 1) / 2), Math.floor((outDims[3] - 1) / 2)] : null;
  let box: UnitBox;
  if (rf === 'dense' || !position) box = { row0: 0, col0: 0, height: H, width: W, position };
  else box = { row0: rf.rows.start + position[0] * rf.rows.jump, col0: rf.cols.start + position[1] * rf.cols.jump, height: rf.rows.size, width: rf.cols.size, position };
  const patch = C * box.height * box.width;
  const seedAt = (dims: readonly number[]) => {
    const per = dims.slice(1).reduce((a, b) => a * b, 1);
    const s = new Float32Array(units * per);
    for (let u = 0; u < units; u++) s[u * per + (spatial ? (u * dims[2] + position![0]) * dims[3] + position![1] : u)] = 1;
    return s;
  };

  // (a) gradient of the pre-activation at the data mean
  const mean = new Float32Array(size);
  for (let i = 0; i < count; i++) for (let p = 0; p < size; p++) mean[p] += data[i * size + p] / count;
  const gradOut = await OnnxGradient.create(graph, layer.output, [units, ...inputDims], shapes);
  const means = new Float32Array(units * size);
  for (let u = 0; u < units; u++) means.set(mean, u * size);
  const lin = await gradOut.run(means, seedAt(outDims));
  const linear = new Float32Array(units * patch);
  for (let u = 0; u < units; u++) cropBox(lin.grad.subarray(u * size, (u + 1) * size), C, H, W, box, linear, u * patch);

  // (b) top-k patches by response
  const per = respDims.slice(1).reduce((a, b) => a * b, 1);
  const positions = spatial ? respDims[2] * respDims[3] : 1;
  const best = Array.from({ length: units }, () => [] as { v: number; i: number; pos: number }[]);
  const chunk = 256;
  for (let s0 = 0; s0 < count; s0 += chunk) {
    const m = Math.min(chunk, count - s0);
    const r = (await onnxValues(graph, float32(data.subarray(s0 * size, (s0 + m) * size), [m, ...inputDims]), [layer.response]))[layer.response].data;
    for (let b = 0; b < m; b++)
      for (let u = 0; u < units; u++) {
        const list = best[u];
        for (let q = 0; q < positions; q++) {
          const v = r[b * per + u * positions + q];
          if (list.length === k && v <= list[k - 1].v) continue;
          list.push({ v, i: s0 + b, pos: q });
          list.sort((x, y) => y.v - x.v || x.i - y.i || x.pos - y.pos);
          if (list.length > k) list.pop();
        }
      }
  }
  const topK = new Float32Array(units * patch);
  const tmp = new Float32Array(patch);
  const jumpR = rf === 'dense' ? 0 : rf.rows.jump;
  const jumpC = rf === 'dense' ? 0 : rf.cols.jump;
  for (let u = 0; u < units; u++)
    for (const e of best[u]) {
      const [pi, pj] = spatial ? [Math.floor(e.pos / respDims[3]), e.pos % respDims[3]] : [0, 0];
      const dr = spatial ? (pi - position![0]) * jumpR : 0;
      const dc = spatial ? (pj - position![1]) * jumpC : 0;
      cropBox(data.subarray(e.i * size, (e.i + 1) * size), C, H, W, box, tmp, 0, dr, dc);
      for (let p = 0; p < patch; p++) topK[u * patch + p] += tmp[p] / best[u].length;
    }

  // (c) activation maximisation within ||patch|| <= norm
  let norm = 0;
  for (let i = 0; i < count; i++) {
    cropBox(data.subarray(i * size, (i + 1) * size), C, H, W, box, tmp);
    let ss = 0;
    for (const v of tmp) ss += v * v;
    norm += Math.sqrt(ss) / count;
  }
  if (!(norm > 0)) throw new InvalidInputError('onnxUnitViews', 'data', `the data are zero in the receptive field of layer "${layer.node}"`);
  const gradResp = await OnnxGradient.create(graph, layer.response, [units, ...inputDims], shapes);
  const seed = seedAt(respDims);
  // start from each unit's most activating data patch, scaled into the ball: a unit that is
  // silent (ReLU at 0) at a random start would have no gradient to climb
  const patches = new Float64Array(units * patch);
  for (let u = 0; u < units; u++) {
    const e = best[u][0];
    if (!e) continue;
    const [pi, pj] = spatial ? [Math.floor(e.pos / respDims[3]), e.pos % respDims[3]] : [0, 0];
    cropBox(data.subarray(e.i * size, (e.i + 1) * size), C, H, W, box, tmp, 0, spatial ? (pi - position![0]) * jumpR : 0, spatial ? (pj - position![1]) * jumpC : 0);
    patches.set(tmp, u * patch);
    project(patches.subarray(u * patch, (u + 1) * patch), norm, false);
  }
  const place = (p: Float64Array) => {
    const x = new Float32Array(units * size);
    for (let u = 0; u < units; u++)
      for (let c = 0; c < C; c++)
        for (let i = 0; i < box.height; i++)
          for (let j = 0; j < box.width; j++) {
            const r = box.row0 + i;
            const col = box.col0 + j;
            if (r >= 0 && r < H && col >= 0 && col < W) x[u * size + (c * H + r) * W + col] = p[u * patch + (c * box.height + i) * box.width + j];
          }
    return x;
  };
  const evaluate = async (p: Float64Array) => {
    const { value, grad } = await gradResp.run(place(p), seed);
    const vals = Array.from({ length: units }, (_, u) => value[u * per + (spatial ? u * positions + position![0] * respDims[3] + position![1] : u)]);
    const g = new Float64Array(units * patch);
    for (let u = 0; u < units; u++) {
      cropBox(grad.subarray(u * size, (u + 1) * size), C, H, W, box, tmp);
      g.set(tmp, u * patch);
    }
    return { vals, g };
  };
  const cur = await evaluate(patches);
  const step = new Float64Array(units).fill(0.2 * norm);
  const steps = o.steps ?? 60;
  for (let s = 0; s < steps; s++) {
    const cand = patches.slice();
    for (let u = 0; u < units; u++) {
      const g = cur.g.subarray(u * patch, (u + 1) * patch);
      let gn = 0;
      for (const v of g) gn += v * v;
      gn = Math.sqrt(gn);
      if (gn === 0) continue;
      const c = cand.subarray(u * patch, (u + 1) * patch);
      for (let p = 0; p < patch; p++) c[p] += (step[u] * g[p]) / gn;
      project(c, norm, false);
    }
    const next = await evaluate(cand);
    for (let u = 0; u < units; u++) {
      if (next.vals[u] >= cur.vals[u]) {
        patches.set(cand.subarray(u * patch, (u + 1) * patch), u * patch);
        cur.vals[u] = next.vals[u];
        cur.g.set(next.g.subarray(u * patch, (u + 1) * patch), u * patch);
        step[u] = Math.min(step[u] * 1.5, norm);
      } else step[u] /= 2;
    }
  }
  const meanResp = (await onnxValues(graph, float32(mean, [1, ...inputDims]), [layer.response]))[layer.response].data;
  const meanValue = Array.from({ length: units }, (_, u) => meanResp[spatial ? u * positions + position![0] * respDims[3] + position![1] : u]);
  return { box, channels: C, linearLabel: pathIsLinear(graph, layer.output) ? 'linear composite' : 'linearised at the data mean', linear, topK, k, actMax: Float32Array.from(patches), actMaxValue: cur.vals, meanValue, norm };
}

/** Scale x onto the sphere of radius r (exact) or into the ball (only when outside). */
function project(x: Float64Array, r: number, exact: boolean): void {
  let ss = 0;
  for (const v of x) ss += v * v;
  const n = Math.sqrt(ss);
  if (n > 0 && (exact || n > r)) for (let i = 0; i < x.length; i++) x[i] *= r / n;
}
