import type { Claim, FeatureResult } from '../results.js';
import type { Evidence } from '../evidence.js';
import { correlationClaim, unmeasuredClaim } from './correlationClaim.js';
import { orbitValue } from './orbitValue.js';

const TITLE = 'Minimal orbits are learned first';

/**
 * Fewest emerged primitives (over seeds) for the primitive-level test: with fewer, nearly all
 * observations are tied at "never" and one emergence would decide the statistic, so the units
 * are used instead.
 */
export const MIN_EMERGED_PRIMITIVES = 5;

/**
 * C2: Spearman's rho between emergence epoch and orbit size; the paper predicts small orbits
 * first, so rho > 0. On synthetic data the primitives are the observations (exact orbit sizes
 * under the world's group; a primitive that never emerges is ranked after every emerged one,
 * since it emerged later than the last snapshot if at all). Elsewhere the units of layer 1 are
 * (emergence epoch against the orbit measure of their final filter).
 */
export function claimC2(e: Evidence): Claim {
  const axes = { x: 'orbit size', y: 'emergence epoch' };
  const statisticName = 'Spearman rho(orbit size, emergence epoch)';
  const last = e.snapshotEpochs.length ? e.snapshotEpochs[e.snapshotEpochs.length - 1] : 0;
  const emerged = e.primitives.filter((p) => p.emergenceEpoch !== null);
  const primitiveTable = e.primitives.map((p) => ({ seed: p.seed, primitive: p.name, [`orbit size (${p.group})`]: p.orbitSize, 'emergence epoch': p.emergenceEpoch, 'best |cosine| at the end': Number(p.bestCosine.toFixed(3)) }));
  if (e.primitives.length > 0 && emerged.length >= MIN_EMERGED_PRIMITIVES) {
    const measured = `Emergence epoch of each primitive of the synthetic world (first snapshot where some unit matches an element of its orbit at cosine ≥ 0.9) against its exact orbit size under ${e.primitives[0].group}.`;
    const censored = last * 1.25 + 1;
    return correlationClaim({
      title: TITLE,
      measured,
      statisticName,
      xs: e.primitives.map((p) => p.orbitSize),
      ys: e.primitives.map((p) => p.emergenceEpoch ?? censored),
      seeds: e.primitives.map((p) => p.seed),
      points: e.primitives.map((p) => ({ x: p.orbitSize, y: p.emergenceEpoch ?? censored, label: p.name, seed: p.seed, series: p.emergenceEpoch === null ? 'never emerged (plotted after the end)' : 'primitive' })),
      axes,
      bootstrapSeed: 2,
    });
  }
  const fallback = e.primitives.length
    ? ` Only ${emerged.length} of ${e.primitives.length} primitive observations emerged (a unit matching an element of the orbit at cosine ≥ 0.9; at least ${MIN_EMERGED_PRIMITIVES} are needed), so the units are the observations; the primitives are in the table.`
    : '';
  const measured = `Emergence epoch of each layer-1 unit (first snapshot after which its filter stays within cosine 0.9 of its final filter) against the ${e.orbitMeasure.label} of its final filter.`;
  const units = finalFeatures(e.features, 1).filter((f) => f.emergenceEpoch !== null && orbitValue(f, e.orbitMeasure) !== null);
  if (units.length === 0) return unmeasuredClaim(TITLE, measured + fallback, statisticName, 'no unit has both an emergence epoch and an orbit measure', axes);
  const claim = correlationClaim({
    title: TITLE,
    measured: measured + fallback,
    statisticName: `Spearman rho(${e.orbitMeasure.label}, emergence epoch)`,
    xs: units.map((f) => orbitValue(f, e.orbitMeasure)!),
    ys: units.map((f) => f.emergenceEpoch!),
    seeds: units.map((f) => f.seed),
    points: units.map((f) => ({ x: orbitValue(f, e.orbitMeasure), y: f.emergenceEpoch, seed: f.seed, layer: f.layer, unit: f.unit, label: `seed ${f.seed} unit ${f.unit}`, series: 'unit' })),
    axes: { x: e.orbitMeasure.label, y: 'emergence epoch' },
    bootstrapSeed: 2,
  });
  return primitiveTable.length ? { ...claim, table: primitiveTable } : claim;
}

/** Features of one layer at each seed's last analysed snapshot. */
export function finalFeatures(features: readonly FeatureResult[], layer?: number): FeatureResult[] {
  const lastIndex = new Map<number, number>();
  for (const f of features) lastIndex.set(f.seed, Math.max(lastIndex.get(f.seed) ?? -1, f.snapshot.index));
  return features.filter((f) => f.snapshot.index === lastIndex.get(f.seed) && (layer === undefined || f.layer === layer));
}
