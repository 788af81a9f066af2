import { imageStabilizer } from '../actions/imageStabilizer.js';
import { GROUP_REGISTRY, isFeatureFiniteGroup } from '../groups/groupNames.js';
import { pixelGroup } from '../groups/pixelGroup.js';
import { imageWindow } from '../actions/imageWindow.js';
import { quantizeLevels } from '../actions/quantize.js';
import { tangentVectors } from '../actions/tangent.js';
import { symmetricEigen } from '../core/linalg/symmetricEigen.js';
import { InputRangeError } from '../core/errors.js';
import { formatCycles } from '../groups/perm/cycles.js';
import { isLieGroupName, lieGroup } from '../groups/lie/lieGroupRegistry.js';
import type { FeatureOrbitNumbers } from './featureOrbits.js';

/** Options of channelOrbits. */
export interface ChannelOrbitOptions {
  readonly groups: readonly string[];
  /** Quantisation levels (over all channels of a filter at once) before exact finite stabilizers. */
  readonly levels: number;
  /** Relative tolerance of the tangent rank. */
  readonly tol: number;
}

/** Reach of the fourth-order derivative stencil (as orbitDimension): the tangent window keeps this far from the frame. */
const STENCIL_REACH = 2;

/** Human form of a Lie measure that does not apply, e.g. "n/a (kernel 3x3 too small for so2)". */
export function notApplicable(reason: string): string {
  return `n/a (${reason})`;
}

/**
 * Orbit numbers of `count` multi-channel features (count x C x h x w) with the spatial group
 * acting on all channels at once: (g.x)_c(p) = x_c(g^-1 p).
 * - Finite pixel groups: the exact stabilizer of the C-tuple image, i.e. of the partition of
 *   pixels by their tuple of quantised levels (levels shared by all channels of the filter), with
 *   orbit size |G| / |S|.
 * - Lie groups: the orbit dimension as orbitDimension, with the tangent matrix stacking every
 *   channel's tangent vectors (rank of [L_i x_1; ...; L_i x_C]), relative to the windowed norm
 *   of the whole filter. A kernel whose tangent window is empty (the disk shrunk by the stencil
 *   reach: 5x5 and smaller) gets orbitDim null and `reason` "kernel 3x3 too small for so2",
 *   never a dimension of 0.
 * With C = 1 these are featureOrbits' numbers without the eps measures.
 */
export function channelOrbits(features: Float32Array, count: number, channels: number, h: number, w: number, o: ChannelOrbitOptions): FeatureOrbitNumbers[] {
  const n = h * w;
  const size = channels * n;
  if (features.length !== count * size) throw new InputRangeError(`channelOrbits: ${features.length} values are not ${count} x ${channels} x ${h} x ${w}`);
  const out: FeatureOrbitNumbers[] = Array.from({ length: count }, () => ({}));
  const win = imageWindow(h, w, 'disk', 2, STENCIL_REACH);
  const windowEmpty = !win.some((v) => v > 0);
  for (const name of o.groups) {
    if (isFeatureFiniteGroup(name)) {
      if (GROUP_REGISTRY[name].square && h !== w) {
        for (let f = 0; f < count; f++) out[f][name] = { kind: 'finite', groupOrder: null, orbitSize: null, stabilizerOrder: null, reason: `${h}x${w} grid is not square` };
        continue;
      }
      const G = pixelGroup(name, h, w);
      const order = G.order();
      for (let f = 0; f < count; f++) {
        const x = features.subarray(f * size, (f + 1) * size);
        const q = quantizeLevels(x, o.levels);
        // one label per distinct tuple of levels across channels
        const ids = new Map<string, number>();
        const label = new Float64Array(n);
        for (let p = 0; p < n; p++) {
          let key = '';
          for (let c = 0; c < channels; c++) key += `${q[c * n + p]},`;
          let id = ids.get(key);
          if (id === undefined) ids.set(key, (id = ids.size));
          label[p] = id;
        }
        const r = imageStabilizer(G, label);
        const elements = r.stabilizer && r.stabilizerOrder <= 8n ? { stabilizerElements: [...r.stabilizer.elements()].map((g) => formatCycles(g.images)) } : {};
        out[f][name] = { kind: 'finite', groupOrder: order, orbitSize: r.orbitSize, stabilizerOrder: r.stabilizerOrder, levels: o.levels, ...elements };
      }
    } else if (isLieGroupName(name)) {
      const G = lieGroup(name);
      const k = G.dim;
      for (let f = 0; f < count; f++) {
        if (windowEmpty) {
          out[f][name] = { kind: 'lie', dim: k, orbitDim: null, stabilizerDim: null, singularValues: null, reason: `kernel ${h}x${w} too small for ${name}` };
          continue;
        }
        const gram = new Float64Array(k * k);
        let norm2 = 0;
        for (let c = 0; c < channels; c++) {
          const x = features.subarray(f * size + c * n, f * size + (c + 1) * n);
          const L = tangentVectors(x, h, w, G);
          for (let p = 0; p < n; p++) norm2 += (win[p] * x[p]) ** 2;
          for (let a = 0; a < k; a++)
            for (let b = a; b < k; b++) {
              let s = 0;
              for (let p = 0; p < n; p++) s += win[p] * win[p] * L[a * n + p] * L[b * n + p];
              gram[a * k + b] += s;
              if (a !== b) gram[b * k + a] += s;
            }
        }
        if (!(norm2 > 0)) {
          out[f][name] = { kind: 'lie', dim: k, orbitDim: null, stabilizerDim: null, singularValues: null, reason: 'feature is zero inside the window' };
          continue;
        }
        const { values } = symmetricEigen(gram, k);
        const sv = Array.from(values, (l) => Math.sqrt(Math.max(0, l)) / Math.sqrt(norm2)).sort((a, b) => b - a);
        const orbitDim = sv.filter((s) => s > o.tol).length;
        out[f][name] = { kind: 'lie', dim: k, orbitDim, stabilizerDim: k - orbitDim, singularValues: sv.map((s) => Number(s.toPrecision(6))) };
      }
    } else {
      throw new InputRangeError(`channelOrbits: unknown group "${name}"`);
    }
  }
  return out;
}

/**
 * RGB filters (count x 3 x h x w) as luminance and two opponent channels, an orthonormal change
 * of colour basis: L = (R + G + B)/sqrt 3, RG = (R - G)/sqrt 2, BY = (R + G - 2B)/sqrt 6.
 * Returns count x 3 x h x w in the order L, RG, BY.
 */
export function opponentChannels(rgb: Float32Array, count: number, h: number, w: number): Float32Array {
  const n = h * w;
  const out = new Float32Array(rgb.length);
  for (let f = 0; f < count; f++) {
    const o = f * 3 * n;
    for (let p = 0; p < n; p++) {
      const r = rgb[o + p];
      const g = rgb[o + n + p];
      const b = rgb[o + 2 * n + p];
      out[o + p] = (r + g + b) / Math.sqrt(3);
      out[o + n + p] = (r - g) / Math.SQRT2;
      out[o + 2 * n + p] = (r + g - 2 * b) / Math.sqrt(6);
    }
  }
  return out;
}
