import type { Claim } from '../results.js';
import type { Evidence } from '../evidence.js';
import { correlationClaim, unmeasuredClaim } from './correlationClaim.js';
import { finalFeatures } from './c2.js';
import { orbitValue } from './orbitValue.js';
import { spearman } from '../statistics.js';

const TITLE = 'Complexity grows with depth';

/**
 * C4: Spearman's rho between layer index and the compressed length of each unit's input-space
 * feature (linear composite), over the final features of every layer; the paper predicts
 * rho > 0. Orbit measures and the other complexity measures by layer are in the table.
 */
export function claimC4(e: Evidence): Claim {
  const statisticName = 'Spearman rho(layer, compressed length)';
  const measured =
    'Compressed length of every unit’s input-space feature (linear composite of the weights) against its layer in the greedy stack. The table adds, per layer, orbit measures and, for deeper layers, their orbits in their own input space (weights over the codes below, under the symmetric group of the code units, trained against untrained).';
  const axes = { x: 'layer', y: 'compressed length (bytes)' };
  if (e.layerCount < 2) return unmeasuredClaim(TITLE, measured, statisticName, 'the stack has a single layer: train at least two (e.g. --layers 64,32)', axes);
  const fs = finalFeatures(e.features);
  const claim = correlationClaim({
    title: TITLE,
    measured,
    statisticName,
    xs: fs.map((f) => f.layer),
    ys: fs.map((f) => f.complexity.compressedBytes),
    seeds: fs.map((f) => f.seed),
    points: fs.map((f) => ({ x: f.layer, y: f.complexity.compressedBytes, seed: f.seed, layer: f.layer, unit: f.unit, label: `seed ${f.seed} layer ${f.layer} unit ${f.unit}`, series: `layer ${f.layer}` })),
    axes,
    bootstrapSeed: 4,
  });
  const table: Record<string, number | string | null>[] = [];
  const lieGroups = [...new Set(fs.flatMap((f) => Object.entries(f.orbits).filter(([, o]) => typeof o.orbitDim === 'number').map(([g]) => g)))].sort();
  for (let l = 1; l <= e.layerCount; l++) {
    const at = fs.filter((f) => f.layer === l);
    const med = (v: number[]) => (v.length ? [...v].sort((a, b) => a - b)[v.length >> 1] : null);
    table.push({
      layer: l,
      units: at.length,
      'median compressed bytes': med(at.map((f) => f.complexity.compressedBytes)),
      'median total variation': med(at.map((f) => f.complexity.totalVariation)),
      'median spectral entropy': med(at.map((f) => f.complexity.spectralEntropy)),
      [`median ${e.orbitMeasure.label}`]: med(at.map((f) => orbitValue(f, e.orbitMeasure)).filter((v): v is number => v !== null)),
      ...Object.fromEntries(
        lieGroups.map((g) => [`median orbit dimension under ${g}`, med(at.map((f) => orbitValue(f, { group: g, field: 'orbitDim' })).filter((v): v is number => v !== null))]),
      ),
    });
  }
  const withOrbit = fs.filter((f) => orbitValue(f, e.orbitMeasure) !== null);
  table.push({ layer: 'all', units: withOrbit.length, 'Spearman rho(layer, orbit measure)': nanToNull(spearman(withOrbit.map((f) => f.layer), withOrbit.map((f) => orbitValue(f, e.orbitMeasure)!))) });
  for (let l = 2; l <= e.layerCount; l++) {
    const recs = e.codeSpace.filter((r) => r.layer === l);
    if (!recs.length) continue;
    const tr = recs.flatMap((r) => r.trainedLog10);
    const un = recs.flatMap((r) => r.untrainedLog10);
    const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
    table.push({
      layer: `${l} in its own input space`,
      units: tr.length,
      'code units m (group S_m)': e.layers.find((x) => x.layer === l)?.sizes[0] ?? null,
      'median log10 |O| (trained)': med(tr),
      'median log10 |O| (untrained)': med(un),
      'fraction of units with a smaller orbit than untrained': recs.reduce((s, r) => s + r.trainedLog10.filter((t, i) => t < r.untrainedLog10[i]).length, 0) / tr.length,
    });
  }
  return { ...claim, table };
}

const nanToNull = (x: number) => (Number.isFinite(x) ? x : null);
