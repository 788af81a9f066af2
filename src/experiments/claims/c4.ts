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
  const measured = 'Compressed length of every unit’s input-space feature (linear composite of the weights) against its layer in the greedy stack.';
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
  return { ...claim, table };
}

const nanToNull = (x: number) => (Number.isFinite(x) ? x : null);
