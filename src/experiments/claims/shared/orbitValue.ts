import type { FeatureResult } from '../../../results/index.js';

/** The numeric orbit measure `measure.field` of `measure.group` for a feature, or null. */
export function orbitValue(f: FeatureResult, measure: { group: string; field: string }): number | null {
  const v = f.orbits[measure.group]?.[measure.field];
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v !== '') {
    const x = Number(v);
    return Number.isFinite(x) ? x : null;
  }
  return null;
}
