import type { Claim, ClaimPoint } from '../../../results/index.js';
import { median } from '../../../core/linalg/median.js';
import type { Complexity } from '../../../analysis/complexity.js';
import type { Pooled } from '../claimModule.js';
import { controlledClaim, type SeedStatistics } from '../shared/controlledClaim.js';
import { COMPLEXITY_MEASURES, MEASURE_LABELS, rankCorrelation, sensitivityRows, type ChoiceStatistics, type ComplexityMeasure } from '../shared/correlationControls.js';
import { unmeasuredClaim } from '../shared/unmeasuredClaim.js';

export const COMPLEXITY_GROWS_WITH_DEPTH_TITLE = 'Complexity grows with depth';

/** One seed's evidence for C4: complexity per layer (index 0 = layer 1) per unit, trained and per control. */
export interface ComplexityGrowsWithDepthEvidence {
  readonly seed: number;
  readonly trained: readonly (readonly Complexity[])[];
  readonly controls: Readonly<Record<string, readonly (readonly Complexity[])[]>>;
}

const FAILS_WHEN =
  'Not supported if, seed by seed, the rank correlation between layer and feature complexity of the trained stack were no larger (by the minimum effect) than with each deep layer left untrained on top of the trained layers below, i.e. if composing layers made features complex without learning.';

function layerRho(perLayer: readonly (readonly Complexity[])[], m: ComplexityMeasure): number | null {
  const xs = perLayer.flatMap((units, l) => units.map(() => l + 1));
  const ys = perLayer.flatMap((units) => units.map((c) => c[m]));
  return rankCorrelation(xs, ys);
}

/**
 * C4: per seed, Spearman's rho between layer index and the complexity (the config's primary
 * measure) of each unit's input-space feature, trained against the stack whose deeper layers are
 * untrained (snapshot 0) over the trained layers below; verdict on trained minus control across
 * seeds; every complexity measure in the sensitivity table.
 */
export function judgeComplexityGrowsWithDepth(pooled: Pooled<ComplexityGrowsWithDepthEvidence>, minimumEffect: number): Claim {
  const { run } = pooled;
  const measure = run.config.complexityMeasure as ComplexityMeasure;
  const statisticName = `Spearman rho(layer, ${MEASURE_LABELS[measure]}) per seed`;
  const measured = `Per seed, the rank correlation between the layer of each unit and the ${MEASURE_LABELS[measure]} of its input-space feature (linear composite of the weights), against the same stack with every layer from 2 up untrained (its snapshot 0) on top of the trained layers below.`;
  const axes = { x: 'layer', y: MEASURE_LABELS[measure] };
  if (run.layerCount < 2) return unmeasuredClaim(COMPLEXITY_GROWS_WITH_DEPTH_TITLE, measured, statisticName, 'the stack has a single layer: train at least two (e.g. --layers 64,32)', axes, FAILS_WHEN, minimumEffect);
  const seeds = pooled.seeds;
  const controlNames = Object.keys(seeds[0]?.controls ?? {});
  const perSeed: SeedStatistics[] = seeds.map((s) => ({
    seed: s.seed,
    trained: layerRho(s.trained, measure),
    controls: Object.fromEntries(controlNames.map((c) => [c, layerRho(s.controls[c], measure)])),
    n: s.trained.reduce((a, l) => a + l.length, 0),
  }));
  const points: ClaimPoint[] = seeds.flatMap((s) => [
    ...s.trained.flatMap((units, l) => units.map((c, u) => ({ x: l + 1, y: c[measure], series: 'trained', seed: s.seed, layer: l + 1, unit: u, label: `seed ${s.seed} layer ${l + 1} unit ${u}` }))),
    ...controlNames.flatMap((name) => s.controls[name].flatMap((units, l) => (l === 0 ? [] : units.map((c, u) => ({ x: l + 1, y: c[measure], series: 'control: untrained', seed: s.seed, label: `untrained, seed ${s.seed} layer ${l + 1} unit ${u}` }))))),
  ]);
  const med = (v: number[]) => (v.length ? median(v) : null);
  const table: Record<string, string | number | null>[] = [];
  for (let l = 0; l < run.layerCount; l++) {
    const row: Record<string, string | number | null> = { layer: l + 1, units: seeds.reduce((a, s) => a + (s.trained[l]?.length ?? 0), 0) };
    for (const m of COMPLEXITY_MEASURES) {
      row[`median ${MEASURE_LABELS[m]} (trained)`] = med(seeds.flatMap((s) => (s.trained[l] ?? []).map((c) => c[m])));
      if (l > 0) for (const name of controlNames) row[`median ${MEASURE_LABELS[m]} (untrained)`] = med(seeds.flatMap((s) => (s.controls[name][l] ?? []).map((c) => c[m])));
    }
    table.push(row);
  }
  const claim = controlledClaim({ title: COMPLEXITY_GROWS_WITH_DEPTH_TITLE, measured, statisticName, controlNames, seeds: run.seeds, perSeed, minimumEffect, failsWhen: FAILS_WHEN, points, axes, table });
  const choices: ChoiceStatistics[] = COMPLEXITY_MEASURES.map((m) => ({
    choice: MEASURE_LABELS[m],
    primary: m === measure,
    trained: seeds.map((s) => layerRho(s.trained, m)),
    controls: Object.fromEntries(controlNames.map((c) => [c, seeds.map((s) => layerRho(s.controls[c], m))])),
  }));
  const { rows, note } = sensitivityRows(run.seeds, choices, claim.control?.name ?? null);
  return { ...claim, sensitivity: rows, ...(note ? { sensitivityNote: note } : {}) };
}
