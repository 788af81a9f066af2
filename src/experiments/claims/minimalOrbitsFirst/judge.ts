import type { Claim, FeatureResult } from '../../../results/index.js';
import type { Pooled } from '../claimModule.js';
import { correlationClaim, unmeasuredClaim } from '../shared/correlationClaim.js';
import { orbitValue } from '../shared/orbitValue.js';
import { DEFAULT_RULE } from '../../verdict.js';
import type { PrimitiveRecord } from './collect.js';

export const TITLE = 'Minimal orbits are learned first';

/** One seed's evidence for C2: the world's primitives and the final layer-1 units. */
export interface MinimalOrbitsFirstEvidence {
  readonly seed: number;
  readonly primitives: readonly PrimitiveRecord[];
  readonly units: readonly FeatureResult[];
}

/**
 * Fewest emerged primitives (over seeds) for the primitive-level test: with fewer, nearly all
 * observations are tied at "never" and one emergence would decide the statistic, so the units
 * are used instead.
 */
export const MIN_EMERGED_PRIMITIVES = 5;

const FAILS_WHEN = 'Not supported if large-orbit primitives (or units) emerged no later than small-orbit ones, i.e. rho(orbit size, emergence epoch) at or below the minimum effect.';

/**
 * C2: Spearman's rho between emergence epoch and orbit size; the paper predicts small orbits
 * first, so rho > 0. On synthetic data the primitives are the observations (exact orbit sizes
 * under the world's group; a primitive that never emerges is ranked after every emerged one,
 * since it emerged later than the last snapshot if at all). Elsewhere the units of layer 1 are
 * (emergence epoch against the orbit measure of their final filter).
 */
export function judgeMinimalOrbitsFirst(pooled: Pooled<MinimalOrbitsFirstEvidence>, minimumEffect = DEFAULT_RULE.minimumEffect): Claim {
  const run = pooled.run;
  const rule = { ...DEFAULT_RULE, minimumEffect };
  const primitives = pooled.seeds.flatMap((s) => s.primitives);
  const axes = { x: 'orbit size', y: 'emergence epoch' };
  const statisticName = 'Spearman rho(orbit size, emergence epoch)';
  const last = run.snapshotEpochs.length ? run.snapshotEpochs[run.snapshotEpochs.length - 1] : 0;
  const emerged = primitives.filter((p) => p.emergenceEpoch !== null);
  const primitiveTable = primitives.map((p) => ({ seed: p.seed, primitive: p.name, [`orbit size (${p.group})`]: p.orbitSize, 'emergence epoch': p.emergenceEpoch, 'best |cosine| at the end': Number(p.bestCosine.toFixed(3)) }));
  if (primitives.length > 0 && emerged.length >= MIN_EMERGED_PRIMITIVES) {
    const measured = `Emergence epoch of each primitive of the synthetic world (first snapshot where some unit matches an element of its orbit at cosine ≥ ${run.config.emergenceCosine}) against its exact orbit size under ${primitives[0].group}.`;
    const censored = last * 1.25 + 1;
    return correlationClaim({
      title: TITLE,
      measured,
      statisticName,
      xs: primitives.map((p) => p.orbitSize),
      ys: primitives.map((p) => p.emergenceEpoch ?? censored),
      seeds: primitives.map((p) => p.seed),
      points: primitives.map((p) => ({ x: p.orbitSize, y: p.emergenceEpoch ?? censored, label: p.name, seed: p.seed, series: p.emergenceEpoch === null ? 'never emerged (plotted after the end)' : 'primitive' })),
      axes,
      failsWhen: FAILS_WHEN,
      rule,
      bootstrapSeed: 2,
    });
  }
  const fallback = primitives.length
    ? ` Only ${emerged.length} of ${primitives.length} primitive observations emerged (a unit matching an element of the orbit at cosine ≥ ${run.config.emergenceCosine}; at least ${MIN_EMERGED_PRIMITIVES} are needed), so the units are the observations; the primitives are in the table.`
    : '';
  const measured = `Emergence epoch of each layer-1 unit (first snapshot after which its filter stays within cosine ${run.config.emergenceCosine} of its final filter) against the ${run.orbitMeasure.label} of its final filter.`;
  const units = pooled.seeds.flatMap((s) => s.units).filter((f) => f.emergenceEpoch !== null && orbitValue(f, run.orbitMeasure) !== null);
  if (units.length === 0) return unmeasuredClaim(TITLE, measured + fallback, statisticName, 'no unit has both an emergence epoch and an orbit measure', axes, FAILS_WHEN, minimumEffect);
  const claim = correlationClaim({
    title: TITLE,
    measured: measured + fallback,
    statisticName: `Spearman rho(${run.orbitMeasure.label}, emergence epoch)`,
    xs: units.map((f) => orbitValue(f, run.orbitMeasure)!),
    ys: units.map((f) => f.emergenceEpoch!),
    seeds: units.map((f) => f.seed),
    points: units.map((f) => ({ x: orbitValue(f, run.orbitMeasure), y: f.emergenceEpoch, seed: f.seed, layer: f.layer, unit: f.unit, label: `seed ${f.seed} unit ${f.unit}`, series: 'unit' })),
    axes: { x: run.orbitMeasure.label, y: 'emergence epoch' },
    failsWhen: FAILS_WHEN,
    rule,
    bootstrapSeed: 2,
  });
  return primitiveTable.length ? { ...claim, table: primitiveTable } : claim;
}
