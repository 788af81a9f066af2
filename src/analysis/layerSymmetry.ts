import { imageGradient, tangentVectors } from '../actions/tangent.js';
import { GROUP_REGISTRY, isFeatureFiniteGroup } from '../groups/groupNames.js';
import { p4mPermutation } from '../groups/perm/p4mElement.js';
import { float32 } from '../engine/tensor.js';

import { isLieGroupName, lieGroup } from '../groups/lie/lieGroupRegistry.js';
import { onnxValues } from '../nn/onnxForward.js';
import type { OnnxLayer } from '../nn/onnxLayers.js';
import type { ImportedGraph } from '../nn/onnxModel.js';
import type { ReceptiveField } from './receptiveField.js';

/** Invariance and equivariance of one layer's responses under one group, on the data. */
export interface SymmetryRecord {
  /** Root-mean-square change of the response, relative to its spread over the data (0 = invariant). */
  readonly invariance: number | null;
  /** Root-mean-square equivariance error (response maps acted on as scalar fields), same scale; null where undefined. */
  readonly equivariance: number | null;
  /** Why a number is null. */
  readonly reason?: string;
  /** What was averaged: 'D4 about the centre', 'cyclic shifts by the layer stride', or the Lie generators. */
  readonly over: string;
}

/** Per layer (in order) and per group, plus the same numbers for the input itself (the reference f(x) = x). */
export interface NetworkSymmetry {
  readonly input: Record<string, SymmetryRecord>;
  readonly layers: readonly Record<string, SymmetryRecord>[];
  readonly samples: number;
}

/**
 * Index map of the D4 element e (0-7: e mod 4 quarter turns after a mirror when e >= 4; see
 * src/groups/perm/p4mElement.ts) on an n x n grid: out[p] = in[src[p]], src[p] = g(p).
 */
export function d4Source(e: number, n: number): Int32Array {
  return p4mPermutation(n, { rotation: e % 4, mirror: e >= 4, shift: [0, 0] });
}

/** Cyclic shift of an h x w grid by (dy, dx): out[i, j] = in[i - dy, j - dx] (mod h, w). */
function shiftSource(dy: number, dx: number, h: number, w: number): Int32Array {
  const src = new Int32Array(h * w);
  for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) src[i * w + j] = (((i - dy) % h) + h) % h * w + ((((j - dx) % w) + w) % w);
  return src;
}

/** Apply a pixel index map to every channel map of a batch (count x channels x n). */
function remap(x: Float32Array, src: Int32Array, maps: number): Float32Array {
  const n = src.length;
  const out = new Float32Array(x.length);
  for (let m = 0; m < maps; m++) for (let p = 0; p < n; p++) out[m * n + p] = x[m * n + src[p]];
  return out;
}

function sqDist(a: Float32Array, b: Float32Array | null, mask?: Uint8Array): number {
  let s = 0;
  const m = mask?.length ?? 0;
  for (let i = 0; i < a.length; i++) if (!mask || mask[i % m]) s += (a[i] - (b ? b[i] : 0)) ** 2;
  return s;
}

/** Pixels of an h x w map at least `margin` from the frame (1) or not (0). */
function interior(h: number, w: number, margin: number): Uint8Array {
  return Uint8Array.from({ length: h * w }, (_, p) => (Math.min(Math.floor(p / w), p % w, h - 1 - Math.floor(p / w), w - 1 - (p % w)) >= margin ? 1 : 0));
}

/** Total squared deviation of count samples from their mean (over the mask's pixels of each map, when given). */
function spread(f: Float32Array, count: number, mask?: Uint8Array): number {
  const d = f.length / count;
  const mean = new Float64Array(d);
  for (let i = 0; i < count; i++) for (let p = 0; p < d; p++) mean[p] += f[i * d + p] / count;
  let s = 0;
  const m = mask?.length ?? 0;
  for (let i = 0; i < count; i++) for (let p = 0; p < d; p++) if (!mask || mask[p % m]) s += (f[i * d + p] - mean[p]) ** 2;
  return s;
}

/**
 * Layer-wise symmetry of a network on data (count x C x H x W): for each layer's response f and
 * each group, invariance = sqrt(mean ||f(g.x) - f(x)||^2 / mean ||f(x) - mean f||^2) and
 * equivariance = the same with g.f(x) in place of f(x), the group acting on each response map
 * as a scalar field (channels are not permuted).
 * - d4, p4m: g over the 7 non-identity elements of D4 about the centre (square inputs); p4m adds
 *   the cyclic shifts of the input by the layer's stride (one output pixel) down and right.
 *   translations: those shifts alone. Exact pixel permutations, no interpolation.
 * - Lie groups: the Lie derivative (Gruver et al. 2022, "The Lie Derivative for Measuring
 *   Learned Equivariance"): L_i f(x) = J_f(x) L_i x for each algebra basis element, with the
 *   input tangent L_i x from tangentVectors (zero border) and J_f L_i x by a central difference
 *   of step 1e-2 ||x|| / ||L_i x||; equivariance subtracts the response maps' own tangent under
 *   the same generator on the output grid (translations divided by the stride), summed (with
 *   its spread) over the maps' pixels at least 2 from their frame, the stencil's reach (maps
 *   too small for that: null with the reason). Units: per pixel or radian of the algebra
 *   coordinate.
 * Dense layers have no equivariance (null, with the reason). The input's own numbers (f(x) = x)
 * are the reference a depth trend is read against.
 */
export async function networkSymmetry(graph: ImportedGraph, layers: readonly OnnxLayer[], inputDims: readonly number[], fields: ReadonlyMap<string, ReceptiveField>, data: Float32Array, count: number, groups: readonly string[], imageDims?: readonly number[]): Promise<NetworkSymmetry> {
  const [C, H, W] = imageDims ?? (inputDims.length === 3 ? inputDims : [1, 1, inputDims[0]]);
  const size = C * H * W;
  const values = layers.map((l) => l.response);
  const run = async (x: Float32Array) => {
    const out: Float32Array[] = [];
    const chunk = 256;
    const parts: Float32Array[][] = values.map(() => []);
    for (let s0 = 0; s0 < count; s0 += chunk) {
      const m = Math.min(chunk, count - s0);
      const r = await onnxValues(graph, float32(x.subarray(s0 * size, (s0 + m) * size), [m, ...inputDims]), values);
      values.forEach((v, i) => parts[i].push(r[v].data));
    }
    for (const p of parts) {
      const all = new Float32Array(p.reduce((a, b) => a + b.length, 0));
      let o = 0;
      for (const q of p) {
        all.set(q, o);
        o += q.length;
      }
      out.push(all);
    }
    return [x, ...out];
  };
  const base = await run(data);
  const shapes = await onnxValues(graph, float32(data.subarray(0, size), [1, ...inputDims]), values);
  const dimsOf = (li: number) => (li === 0 ? [1, C, H, W] : shapes[values[li - 1]].dims);
  const spreads = base.map((f) => spread(f, count));
  const all = layers.length + 1;
  const rec: Record<string, SymmetryRecord>[] = Array.from({ length: all }, () => ({}));
  const spatial = (li: number) => dimsOf(li).length === 4 && (li === 0 || fields.get(values[li - 1]) !== 'dense');
  const field = (li: number) => (li === 0 ? { rows: { start: 0, jump: 1, size: 1 }, cols: { start: 0, jump: 1, size: 1 } } : fields.get(values[li - 1]));
  const ratio = (s: number, li: number) => Math.sqrt(s / spreads[li]);

  for (const name of groups) {
    if (isFeatureFiniteGroup(name)) {
      const d4 = GROUP_REGISTRY[name].square;
      if (d4 && H !== W) {
        for (let li = 0; li < all; li++) rec[li][name] = { invariance: null, equivariance: null, reason: `input ${H}x${W} is not square`, over: 'D4 about the centre' };
        continue;
      }
      const inv = new Float64Array(all);
      const eqv = new Float64Array(all);
      const terms = new Float64Array(all);
      const eqReason: (string | undefined)[] = Array(all).fill(undefined);
      if (d4) {
        for (let e = 1; e < 8; e++) {
          const moved = await run(remap(data, d4Source(e, H), count * C));
          for (let li = 0; li < all; li++) {
            inv[li] += sqDist(moved[li], base[li]);
            terms[li]++;
            const d = dimsOf(li);
            const f = field(li);
            if (!spatial(li) || f === 'dense' || !f) eqReason[li] = 'dense layer: no response map';
            else if (d[2] !== d[3]) eqReason[li] = `response map ${d[2]}x${d[3]} is not square`;
            else if (Math.abs(f.rows.start + (f.rows.size - 1) / 2 + (f.rows.jump * (d[2] - 1)) / 2 - (H - 1) / 2) > 1e-9) eqReason[li] = 'response map is not centred on the input';
            else eqv[li] += sqDist(moved[li], remap(base[li], d4Source(e, d[2]), count * d[1]));
          }
        }
      }
      if (name !== 'd4') {
        // shift by each layer's stride, one layer at a time (the shift differs per layer)
        const strides = new Map<number, number[]>();
        for (let li = 0; li < all; li++) {
          const f = field(li);
          const s = f && f !== 'dense' ? f.rows.jump : 1;
          strides.set(s, [...(strides.get(s) ?? []), li]);
        }
        for (const [s, lis] of strides)
          for (const [dy, dx] of [[s, 0], [0, s]]) {
            const moved = await run(remap(data, shiftSource(dy, dx, H, W), count * C));
            for (const li of lis) {
              inv[li] += sqDist(moved[li], base[li]);
              terms[li]++;
              const d = dimsOf(li);
              if (!spatial(li)) eqReason[li] = 'dense layer: no response map';
              else if (!eqReason[li]) eqv[li] += sqDist(moved[li], remap(base[li], shiftSource(dy / s, dx / s, d[2], d[3]), count * d[1]));
            }
          }
      }
      const over = name === 'd4' ? 'D4 about the centre' : name === 'p4m' ? 'D4 about the centre and cyclic shifts by the layer stride' : 'cyclic shifts by the layer stride';
      for (let li = 0; li < all; li++) {
        rec[li][name] = { invariance: ratio(inv[li] / terms[li], li), equivariance: eqReason[li] ? null : ratio(eqv[li] / terms[li], li), ...(eqReason[li] ? { reason: eqReason[li] } : {}), over };
      }
    } else if (isLieGroupName(name)) {
      const G = lieGroup(name);
      const k = G.dim;
      const inv = new Float64Array(all);
      const eqv = new Float64Array(all);
      const eqReason: (string | undefined)[] = Array(all).fill(undefined);
      // response maps are measured away from their frame, where the derivative stencil reads the zero border
      const masks = Array.from({ length: all }, (_, li) => (spatial(li) ? interior(dimsOf(li)[2], dimsOf(li)[3], 2) : undefined));
      const lieSpreads = base.map((f, li) => spread(f, count, masks[li]));
      for (let b = 0; b < k; b++) {
        const tan = new Float32Array(count * size);
        const steps = new Float64Array(count);
        for (let i = 0; i < count; i++) {
          let xn = 0;
          let tn = 0;
          for (let c = 0; c < C; c++) {
            const x = data.subarray(i * size + c * H * W, i * size + (c + 1) * H * W);
            const L = tangentVectors(x, H, W, G);
            for (let p = 0; p < H * W; p++) {
              tan[i * size + c * H * W + p] = L[b * H * W + p];
              tn += L[b * H * W + p] ** 2;
              xn += x[p] ** 2;
            }
          }
          steps[i] = tn > 0 ? (1e-2 * Math.sqrt(xn)) / Math.sqrt(tn) : 0;
        }
        const plus = data.slice();
        const minus = data.slice();
        for (let i = 0; i < count; i++)
          for (let p = 0; p < size; p++) {
            plus[i * size + p] += steps[i] * tan[i * size + p];
            minus[i * size + p] -= steps[i] * tan[i * size + p];
          }
        const fp = await run(plus);
        const fm = await run(minus);
        for (let li = 0; li < all; li++) {
          const d = li === 0 ? [count, C, H, W] : [count, ...dimsOf(li).slice(1)];
          const per = d.slice(1).reduce((a, c) => a * c, 1);
          const lie = new Float32Array(count * per);
          for (let i = 0; i < count; i++) for (let p = 0; p < per; p++) lie[i * per + p] = steps[i] > 0 ? (fp[li][i * per + p] - fm[li][i * per + p]) / (2 * steps[i]) : 0;
          inv[li] += sqDist(lie, null);
          const f = field(li);
          if (!spatial(li) || !f || f === 'dense') {
            eqReason[li] = 'dense layer: no response map';
            continue;
          }
          if (!masks[li]!.some(Boolean)) {
            eqReason[li] = `response map ${d[2]}x${d[3]} too small for the derivative stencil (2 px from the frame)`;
            continue;
          }
          // the response maps' own tangent under the same generator, on the output grid
          const [ho, wo] = [d[2], d[3]];
          const s = f.rows.jump;
          const du0 = f.cols.start + (f.cols.size - 1) / 2 + (f.cols.jump * (wo - 1)) / 2 - (W - 1) / 2;
          const dv0 = f.rows.start + (f.rows.size - 1) / 2 + (f.rows.jump * (ho - 1)) / 2 - (H - 1) / 2;
          const A = G.basis[b];
          for (let m = 0; m < count * d[1]; m++) {
            const map = (li === 0 ? base[0] : base[li]).subarray(m * ho * wo, (m + 1) * ho * wo);
            const [gu, gv] = imageGradient(map, ho, wo);
            for (let i = 0; i < ho; i++)
              for (let j = 0; j < wo; j++) {
                const u = j - (wo - 1) / 2;
                const v = i - (ho - 1) / 2;
                const vu = A[0] * u + A[1] * v + (A[0] * du0 + A[1] * dv0 + A[2]) / s;
                const vv = A[3] * u + A[4] * v + (A[3] * du0 + A[4] * dv0 + A[5]) / s;
                lie[m * ho * wo + i * wo + j] += gu[i * wo + j] * vu + gv[i * wo + j] * vv;
              }
          }
          eqv[li] += sqDist(lie, null, masks[li]);
        }
      }
      const over = `Lie derivative along ${G.basisNames.join(', ')}`;
      const lieRatio = (x: number, li: number) => Math.sqrt(x / lieSpreads[li]);
      for (let li = 0; li < all; li++) rec[li][name] = { invariance: ratio(inv[li] / k, li), equivariance: eqReason[li] ? null : lieRatio(eqv[li] / k, li), ...(eqReason[li] ? { reason: eqReason[li] } : {}), over };
    }
  }
  return { input: rec[0], layers: rec.slice(1), samples: count };
}
