import type { Claim } from '../results.js';
import type { Evidence } from '../evidence.js';
import { correlationClaim, unmeasuredClaim } from './correlationClaim.js';
import { finalFeatures } from './c2.js';
import { orbitValue } from './orbitValue.js';
import { spearman } from '../statistics.js';

const TITLE = 'Minimal orbits are the simplest features';

/**
 * C3: Spearman's rho between orbit size and an independent complexity measure (compressed
 * length) over the final layer-1 features; the paper predicts rho > 0. The other measures and the
 * primitives of a synthetic world are reported in the table.
 */
export function claimC3(e: Evidence): Claim {
  const statisticName = `Spearman rho(${e.orbitMeasure.label}, compressed length)`;
  const measured = `Orbit size (${e.orbitMeasure.label}) of each final layer-1 feature against its compressed length (deflate of the feature quantised to 8 levels).`;
  const axes = { x: e.orbitMeasure.label, y: 'compressed length (bytes)' };
  const fs = finalFeatures(e.features, 1).filter((f) => orbitValue(f, e.orbitMeasure) !== null);
  if (fs.length === 0) return unmeasuredClaim(TITLE, measured, statisticName, 'no feature has an orbit measure', axes);
  const xs = fs.map((f) => orbitValue(f, e.orbitMeasure)!);
  const claim = correlationClaim({
    title: TITLE,
    measured,
    statisticName,
    xs,
    ys: fs.map((f) => f.complexity.compressedBytes),
    seeds: fs.map((f) => f.seed),
    points: fs.map((f) => ({ x: orbitValue(f, e.orbitMeasure), y: f.complexity.compressedBytes, seed: f.seed, layer: f.layer, unit: f.unit, label: `seed ${f.seed} unit ${f.unit}`, series: 'layer-1 feature' })),
    axes,
    bootstrapSeed: 3,
  });
  const table: Record<string, string | number | null>[] = (['compressedBytes', 'totalVariation', 'spectralEntropy', 'components'] as const).map((m) => ({
    observations: 'layer-1 features',
    'complexity measure': m,
    n: fs.length,
    'Spearman rho': nan(spearman(xs, fs.map((f) => f.complexity[m]))),
  }));
  const prims = e.primitives;
  if (prims.length) {
    for (const m of ['compressedBytes', 'totalVariation', 'spectralEntropy', 'components'] as const) {
      table.push({ observations: `primitives (orbit under ${prims[0].group})`, 'complexity measure': m, n: prims.length, 'Spearman rho': nan(spearman(prims.map((p) => p.orbitSize), prims.map((p) => p.complexity[m]))) });
    }
  }
  return { ...claim, table };
}

const nan = (x: number) => (Number.isFinite(x) ? x : null);
