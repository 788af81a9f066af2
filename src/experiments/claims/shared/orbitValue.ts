import { groupOrbitNumbersFromJson, orbitMeasure, type OrbitMeasureField } from '../../../results/orbitNumbers.js';
import type { FeatureResult } from '../../../results/index.js';

/** The numeric orbit measure `measure.field` of `measure.group` for a feature, or null. */
export function orbitValue(f: FeatureResult, measure: { readonly group: string; readonly field: OrbitMeasureField }): number | null {
  const json = f.orbits[measure.group];
  return json ? orbitMeasure(groupOrbitNumbersFromJson(json), measure.field) : null;
}
