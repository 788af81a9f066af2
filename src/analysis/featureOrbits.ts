import { InputRangeError } from '../core/errors.js';
import { imageStabilizer, ENUMERATE_MAX_ORDER } from '../actions/imageStabilizer.js';
import { centeredEpsStabilizer } from '../actions/epsStabilizer.js';
import { orbitDimension } from '../actions/orbitDimension.js';
import { imageWindow } from '../actions/imageWindow.js';
import { epsStabilizerBatch } from '../actions/epsStabilizerMeasure.js';
import { formatCycles } from '../groups/perm/cycles.js';
import type { FeatureOrbitNumbers, FiniteOrbitNumbers, LieOrbitNumbers } from '../results/orbitNumbers.js';
import { lieGroup } from '../groups/lie/lieGroupRegistry.js';
import { isFeatureFiniteGroup, isLieGroupName } from '../groups/groupNames.js';
import { pixelGroup } from '../groups/pixelGroup.js';
import { ANALYSIS_DEFAULTS } from './defaults.js';

// The typed union of orbit numbers and its JSON boundary live with the results schema.
export type { FeatureOrbitNumbers, FiniteOrbitNumbers, LieOrbitNumbers, GroupOrbitNumbers } from '../results/orbitNumbers.js';

/** Options of featureOrbits. */
export interface FeatureOrbitOptions {
  readonly groups: readonly string[];
  /** Quantisation levels before exact finite stabilizers (see quantiseLevels). */
  readonly levels: number;
  /** Relative tolerance of the tangent rank. */
  readonly tol: number;
  /** epsilon of the Lie groups' epsilon-stabilizer; null skips the (costlier) sampled measures. */
  readonly eps: number | null;
  /**
   * epsilon of the finite groups' epsilon-stabilizer of the mean-centred feature (enumerated;
   * groups of order <= 1e5); null skips it. Centring keeps a feature's mean level, which every
   * pixel permutation preserves, from passing as symmetry.
   */
  readonly finiteEps?: number | null;
  /** Halton samples of each Lie group's box for epsilon measures (default 128). */
  readonly samples?: number;
  /** Called after each group is done for every feature (progress). */
  readonly onGroupDone?: (group: string) => void;
}

/**
 * Orbit numbers of each of `count` features (count x h x w): under finite pixel groups the exact
 * orbit size and stabilizer order after quantising to `levels` (with the group order); under Lie
 * groups the orbit and stabilizer dimensions with the singular values of the tangent matrix,
 * and with `eps` the epsilon-stabilizer measure and epsilon-orbit size over the group's box.
 * Lie numbers use zero borders and the soft inscribed-disk window.
 */
export async function featureOrbits(features: Float32Array, count: number, h: number, w: number, options: FeatureOrbitOptions): Promise<FeatureOrbitNumbers[]> {
  const n = h * w;
  const out: FeatureOrbitNumbers[] = Array.from({ length: count }, () => ({}));
  for (const name of options.groups) {
    if (isFeatureFiniteGroup(name)) {
      const G = pixelGroup(name, h, w);
      const order = G.order();
      const withEps = options.finiteEps !== undefined && options.finiteEps !== null && order <= ENUMERATE_MAX_ORDER;
      for (let f = 0; f < count; f++) {
        const x = features.subarray(f * n, (f + 1) * n);
        const r = imageStabilizer(G, x, { levels: options.levels });
        // list small stabilizers element by element (cycle notation, 1-based) for the explorer; the
        // trivial one, most features', is the identity "()" without building its stabilizer chain
        const trivial = r.stabilizerOrder === 1n ? { stabilizerElements: ['()'] } : null;
        const elements = trivial ?? (r.stabilizer && r.stabilizerOrder <= 8n ? { stabilizerElements: [...r.stabilizer.elements()].map((g) => formatCycles(g.images)) } : {});
        const s = withEps ? centeredEpsStabilizer(G, x, options.finiteEps!).count : 0;
        const eps = withEps ? { eps: options.finiteEps!, epsStabilizerSize: s, epsOrbitSize: Number(order) / s } : {};
        out[f][name] = { kind: 'finite', groupOrder: order, orbitSize: r.orbitSize, stabilizerOrder: r.stabilizerOrder, levels: options.levels, ...elements, ...eps } satisfies FiniteOrbitNumbers;
      }
    } else if (isLieGroupName(name)) {
      const G = lieGroup(name);
      for (let f = 0; f < count; f++) {
        const x = features.subarray(f * n, (f + 1) * n);
        try {
          const d = orbitDimension(x, h, w, G, { tol: options.tol });
          out[f][name] = { kind: 'lie', dim: d.dim, orbitDim: d.orbitDim, stabilizerDim: d.stabilizerDim, singularValues: d.singularValues.map((s) => Number(s.toPrecision(6))) };
        } catch (e) {
          if (!(e instanceof InputRangeError)) throw e;
          // never a dimension of 0 for a measure that does not apply: null, with the reason
          const reason = /zero inside the window/.test(e.message) && !imageWindow(h, w, 'disk', 2, 2).some((v) => v > 0) ? `kernel ${h}x${w} too small for ${name}` : e.message.replace(/^orbitDimension: /, '');
          out[f][name] = { kind: 'lie', dim: G.dim, orbitDim: null, stabilizerDim: null, singularValues: null, reason };
        }
      }
      if (options.eps !== null) {
        const eps = await epsStabilizerBatch({ data: features, count, height: h, width: w }, G, { eps: options.eps, samples: options.samples ?? ANALYSIS_DEFAULTS.samples });
        eps.forEach((r, f) => (out[f][name] = { ...(out[f][name] as LieOrbitNumbers), epsStabilizerMeasure: r.epsStabilizerMeasure, epsOrbitSize: r.epsOrbitSize, samples: r.samples }));
      }
    } else {
      throw new InputRangeError(`featureOrbits: unknown group "${name}"`);
    }
    options.onGroupDone?.(name);
  }
  return out;
}
