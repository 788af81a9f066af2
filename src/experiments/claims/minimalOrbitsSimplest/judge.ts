import type { Claim, FeatureResult } from '../../../results/index.js';
import type { Pooled } from '../claimModule.js';
import { correlationClaim, unmeasuredClaim } from '../shared/correlationClaim.js';
import { orbitValue } from '../shared/orbitValue.js';
import { spearman } from '../../statistics.js';
import { DEFAULT_RULE } from '../../verdict.js';
import type { PrimitiveRecord } from '../minimalOrbitsFirst/collect.js';

export const TITLE = 'Minimal orbits are the simplest features';

/** One seed's evidence for C3: its final layer-1 features, and the world's primitives. */
export interface MinimalOrbitsSimplestEvidence {
  readonly seed: number;
  readonly features: readonly FeatureResult[];
  readonly primitives: readonly PrimitiveRecord[];
}

const FAILS_WHEN = 'Not supported if learned features with small orbits were no simpler (in compressed length) than those with large orbits, beyond the minimum effect.';
const MEASURES = ['compressedBytes', 'totalVariation', 'spectralEntropy', 'components'] as const;

/**
 * C3: Spearman's rho between orbit size and an independent complexity measure (compressed
 * length) over the final layer-1 features; the paper predicts rho > 0. The other measures and the
 * primitives of a synthetic world are reported in the table.
 */
export function judgeMinimalOrbitsSimplest(pooled: Pooled<MinimalOrbitsSimplestEvidence>, minimumEffect = DEFAULT_RULE.minimumEffect): Claim {
  const { orbitMeasure } = pooled.run;
  const statisticName = `Spearman rho(${orbitMeasure.label}, compressed length)`;
  const measured = `Orbit size (${orbitMeasure.label}) of each final layer-1 feature against its compressed length (deflate of the feature quantised to 8 levels).`;
  const axes = { x: orbitMeasure.label, y: 'compressed length (bytes)' };
  const fs = pooled.seeds.flatMap((s) => s.features).filter((f) => orbitValue(f, orbitMeasure) !== null);
  if (fs.length === 0) return unmeasuredClaim(TITLE, measured, statisticName, 'no feature has an orbit measure', axes, FAILS_WHEN, minimumEffect);
  const xs = fs.map((f) => orbitValue(f, orbitMeasure)!);
  const claim = correlationClaim({
    title: TITLE,
    measured,
    statisticName,
    xs,
    ys: fs.map((f) => f.complexity.compressedBytes),
    seeds: fs.map((f) => f.seed),
    points: fs.map((f) => ({ x: orbitValue(f, orbitMeasure), y: f.complexity.compressedBytes, seed: f.seed, layer: f.layer, unit: f.unit, label: `seed ${f.seed} unit ${f.unit}`, series: 'layer-1 feature' })),
    axes,
    failsWhen: FAILS_WHEN,
    rule: { ...DEFAULT_RULE, minimumEffect },
    bootstrapSeed: 3,
  });
  const table: Record<string, string | number | null>[] = MEASURES.map((m) => ({
    observations: 'layer-1 features',
    'complexity measure': m,
    n: fs.length,
    'Spearman rho': finiteOrNull(spearman(xs, fs.map((f) => f.complexity[m]))),
  }));
  const prims = pooled.seeds.flatMap((s) => s.primitives);
  if (prims.length) {
    for (const m of MEASURES) {
      table.push({ observations: `primitives (orbit under ${prims[0].group})`, 'complexity measure': m, n: prims.length, 'Spearman rho': finiteOrNull(spearman(prims.map((p) => p.orbitSize), prims.map((p) => p.complexity[m]))) });
    }
  }
  return { ...claim, table };
}

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);
