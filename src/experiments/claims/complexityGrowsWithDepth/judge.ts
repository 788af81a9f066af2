import type { Claim, FeatureResult } from '../../../results/index.js';
import type { Pooled } from '../claimModule.js';
import { correlationClaim, unmeasuredClaim } from '../shared/correlationClaim.js';
import { orbitValue } from '../shared/orbitValue.js';
import { spearman } from '../../statistics.js';
import { DEFAULT_RULE } from '../../verdict.js';

export const TITLE = 'Complexity grows with depth';

/** One seed's evidence for C4: the final input-space features of every layer. */
export interface ComplexityGrowsWithDepthEvidence {
  readonly seed: number;
  readonly features: readonly FeatureResult[];
}

const FAILS_WHEN = 'Not supported if deeper layers’ input-space features were no more complex (compressed length) than the layers below, beyond the minimum effect.';

/**
 * C4: Spearman's rho between layer index and the compressed length of each unit's input-space
 * feature (linear composite), over the final features of every layer; the paper predicts
 * rho > 0. Orbit measures and the other complexity measures by layer are in the table.
 */
export function judgeComplexityGrowsWithDepth(pooled: Pooled<ComplexityGrowsWithDepthEvidence>, minimumEffect = DEFAULT_RULE.minimumEffect): Claim {
  const { run } = pooled;
  const statisticName = 'Spearman rho(layer, compressed length)';
  const measured = 'Compressed length of every unit’s input-space feature (linear composite of the weights) against its layer in the greedy stack. The table adds, per layer, the other complexity measures and orbit measures.';
  const axes = { x: 'layer', y: 'compressed length (bytes)' };
  if (run.layerCount < 2) return unmeasuredClaim(TITLE, measured, statisticName, 'the stack has a single layer: train at least two (e.g. --layers 64,32)', axes, FAILS_WHEN, minimumEffect);
  const fs = pooled.seeds.flatMap((s) => s.features);
  const claim = correlationClaim({
    title: TITLE,
    measured,
    statisticName,
    xs: fs.map((f) => f.layer),
    ys: fs.map((f) => f.complexity.compressedBytes),
    seeds: fs.map((f) => f.seed),
    points: fs.map((f) => ({ x: f.layer, y: f.complexity.compressedBytes, seed: f.seed, layer: f.layer, unit: f.unit, label: `seed ${f.seed} layer ${f.layer} unit ${f.unit}`, series: 'trained' })),
    axes,
    failsWhen: FAILS_WHEN,
    rule: { ...DEFAULT_RULE, minimumEffect },
    bootstrapSeed: 4,
  });
  const table: Record<string, number | string | null>[] = [];
  const med = (v: number[]) => (v.length ? [...v].sort((a, b) => a - b)[v.length >> 1] : null);
  for (let l = 1; l <= run.layerCount; l++) {
    const at = fs.filter((f) => f.layer === l);
    table.push({
      layer: l,
      units: at.length,
      'median compressed bytes': med(at.map((f) => f.complexity.compressedBytes)),
      'median total variation': med(at.map((f) => f.complexity.totalVariation)),
      'median spectral entropy': med(at.map((f) => f.complexity.spectralEntropy)),
      [`median ${run.orbitMeasure.label}`]: med(at.map((f) => orbitValue(f, run.orbitMeasure)).filter((v): v is number => v !== null)),
    });
  }
  const withOrbit = fs.filter((f) => orbitValue(f, run.orbitMeasure) !== null);
  const rho = spearman(withOrbit.map((f) => f.layer), withOrbit.map((f) => orbitValue(f, run.orbitMeasure)!));
  table.push({ layer: 'all', units: withOrbit.length, 'Spearman rho(layer, orbit measure)': Number.isFinite(rho) ? rho : null });
  return { ...claim, table };
}
