import type { Claim, ClaimPoint } from '../../../results/index.js';
import type { Complexity } from '../../../analysis/complexity.js';
import type { Pooled } from '../claimModule.js';
import { controlledClaim, type SeedStatistics } from '../shared/controlledClaim.js';
import { COMPLEXITY_MEASURES, MEASURE_LABELS, rankCorrelation, sensitivityRows, type ChoiceStatistics, type ComplexityMeasure } from '../shared/correlationControls.js';
import { unmeasuredClaim } from '../shared/unmeasuredClaim.js';
import type { PrimitiveRecord } from '../minimalOrbitsFirst/collect.js';

export const MINIMAL_ORBITS_SIMPLEST_TITLE = 'Minimal orbits are the simplest features';

/** Orbit sizes (orbit[eps index][unit]) and complexity (per unit) of one set of features. */
export interface FeatureSet {
  readonly orbit: readonly (readonly number[])[];
  readonly complexity: readonly Complexity[];
}

/** One seed's evidence for C3: trained layer-1 features and each control's, at every eps. */
export interface MinimalOrbitsSimplestEvidence {
  readonly seed: number;
  /** eps values of `orbit`; the first is the declared one. */
  readonly epsList: readonly number[];
  readonly trained: FeatureSet;
  readonly controls: Readonly<Record<string, FeatureSet>>;
  readonly primitives: readonly PrimitiveRecord[];
}

const FAILS_WHEN =
  'Not supported if, seed by seed, the rank correlation between orbit size and complexity of the learned features were no larger (by the minimum effect) than that of untrained features or of phase-randomised surrogates, i.e. if the relation came from the feature spectrum or the initialisation rather than from learning.';

/**
 * C3: per seed, Spearman's rho between the epsilon-orbit size and the complexity (the config's
 * primary measure) of the final layer-1 features, against the same rho of the untrained features
 * and of phase-randomised surrogates; the verdict is on trained minus control across seeds. The
 * sensitivity table repeats it at eps 0.25, 0.5, 0.75 and with every complexity measure.
 */
export function judgeMinimalOrbitsSimplest(pooled: Pooled<MinimalOrbitsSimplestEvidence>, minimumEffect: number): Claim {
  const { run } = pooled;
  const measure = run.config.complexityMeasure as ComplexityMeasure;
  const orbitLabel = run.orbitMeasure.label;
  const statisticName = `Spearman rho(${orbitLabel}, ${MEASURE_LABELS[measure]}) per seed`;
  const measured = `Per seed, the rank correlation between the ε-orbit size (${orbitLabel}) and the ${MEASURE_LABELS[measure]} of each final layer-1 feature, against the same correlation on the untrained layer-1 features (snapshot 0) and on phase-randomised surrogates of the final features (same amplitude spectrum, random phases).`;
  const axes = { x: orbitLabel, y: MEASURE_LABELS[measure] };
  const seeds = pooled.seeds;
  if (seeds.length === 0 || seeds[0].trained.complexity.length === 0) return unmeasuredClaim(MINIMAL_ORBITS_SIMPLEST_TITLE, measured, statisticName, 'no layer-1 feature was measured', axes, FAILS_WHEN, minimumEffect);
  const controlNames = Object.keys(seeds[0].controls);
  const rho = (set: FeatureSet, e: number, m: ComplexityMeasure) => rankCorrelation(set.orbit[e], set.complexity.map((c) => c[m]));
  const perSeed: SeedStatistics[] = seeds.map((s) => ({
    seed: s.seed,
    trained: rho(s.trained, 0, measure),
    controls: Object.fromEntries(controlNames.map((c) => [c, rho(s.controls[c], 0, measure)])),
    n: s.trained.complexity.length,
  }));
  // controls first, trained last: trained points are drawn on top, where a click opens the feature
  const points: ClaimPoint[] = [
    ...seeds.flatMap((s) => controlNames.flatMap((name) => s.controls[name].complexity.map((c, u) => ({ x: s.controls[name].orbit[0][u], y: c[measure], series: name, seed: s.seed, label: `${name}, seed ${s.seed} unit ${u}` })))),
    ...seeds.flatMap((s) => s.trained.complexity.map((c, u) => ({ x: s.trained.orbit[0][u], y: c[measure], series: 'trained', seed: s.seed, layer: 1, unit: u, label: `seed ${s.seed} unit ${u}` }))),
  ];
  const table: Record<string, string | number | null>[] = [];
  const prims = seeds.flatMap((s) => s.primitives);
  if (prims.length) {
    for (const m of COMPLEXITY_MEASURES) {
      table.push({ observations: `world primitives (exact orbit under ${prims[0].group})`, 'complexity measure': MEASURE_LABELS[m], n: prims.length, 'Spearman rho': rankCorrelation(prims.map((p) => p.orbitSize), prims.map((p) => p.complexity[m])) });
    }
  }
  const claim = controlledClaim({
    title: MINIMAL_ORBITS_SIMPLEST_TITLE,
    measured,
    statisticName,
    controlNames,
    seeds: run.seeds,
    perSeed,
    minimumEffect,
    failsWhen: FAILS_WHEN,
    points,
    axes,
    ...(table.length ? { table } : {}),
  });
  const choices: ChoiceStatistics[] = seeds[0].epsList.flatMap((eps, e) =>
    COMPLEXITY_MEASURES.map((m) => ({
      choice: `ε = ${eps}, ${MEASURE_LABELS[m]}`,
      primary: e === 0 && m === measure,
      trained: seeds.map((s) => rho(s.trained, e, m)),
      controls: Object.fromEntries(controlNames.map((c) => [c, seeds.map((s) => rho(s.controls[c], e, m))])),
    })),
  );
  const { rows, note } = sensitivityRows(run.seeds, choices, claim.control?.name ?? null);
  return { ...claim, sensitivity: rows, ...(note ? { sensitivityNote: note } : {}) };
}
