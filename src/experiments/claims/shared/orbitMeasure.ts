import type { OrbitMeasureField } from '../../../results/orbitNumbers.js';
import { epsOrbitSizesBatch } from '../../../actions/epsStabilizerMeasure.js';
import { isFeatureFiniteGroup } from '../../../groups/groupNames.js';
import { pixelGroup } from '../../../groups/pixelGroup.js';
import { lieGroup } from '../../../groups/lie/lieGroupRegistry.js';

/** The orbit measure of learned features: the epsilon-orbit size under one group. */
export interface OrbitMeasure {
  readonly group: string;
  readonly field: OrbitMeasureField;
  readonly label: string;
}

/** epsilon values of the sensitivity analysis (issue 13, item 4), besides the declared one. */
export const SENSITIVITY_EPS = [0.25, 0.5, 0.75] as const;

/**
 * epsilon-orbit sizes of `count` features (count x h*w) under the measure's group at each eps:
 * result[e][f]. Finite groups: |G| / |S_eps| of the mean-centred feature, every element
 * enumerated once and its distance compared with every eps (the same numbers featureOrbits gives
 * one eps at a time). Lie groups: the sampled epsilon-orbit size (128 Halton samples, as featureOrbits).
 */
export async function epsOrbitSizes(features: Float32Array, count: number, h: number, w: number, group: string, epsList: readonly number[]): Promise<number[][]> {
  const n = h * w;
  if (isFeatureFiniteGroup(group)) {
    const G = pixelGroup(group, h, w);
    const elements = [...G.elements()];
    const order = elements.length;
    const out: number[][] = epsList.map(() => new Array<number>(count).fill(0));
    const x = new Float64Array(n);
    for (let f = 0; f < count; f++) {
      let m = 0;
      for (let p = 0; p < n; p++) m += features[f * n + p];
      m /= n;
      let norm2 = 0;
      for (let p = 0; p < n; p++) {
        x[p] = features[f * n + p] - m;
        norm2 += x[p] * x[p];
      }
      const bounds = epsList.map((e) => e * e * norm2);
      const hits = epsList.map(() => 0);
      for (const g of elements) {
        let d = 0;
        for (let p = 0; p < n; p++) {
          const t = x[p] - x[g.images[p]];
          d += t * t;
        }
        for (let e = 0; e < epsList.length; e++) if (d <= bounds[e]) hits[e]++;
      }
      for (let e = 0; e < epsList.length; e++) out[e][f] = order / hits[e];
    }
    return out;
  }
  // one resampling of the orbit serves every eps (the numbers epsStabilizerBatch gives one eps at a time)
  return epsOrbitSizesBatch({ data: features, count, height: h, width: w }, lieGroup(group), epsList, { samples: 128 });
}
