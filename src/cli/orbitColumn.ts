import { groupOrbitNumbersFromJson, orbitMeasure, type GroupOrbitNumbersJson } from '../results/orbitNumbers.js';

/**
 * What a table column shows of one group over many features: the orbit dimension when the group
 * is a Lie group, else the orbit size, as the defined values (a null is no number, never 0) with
 * the first reason a value is missing.
 */
export function orbitColumn(records: readonly (GroupOrbitNumbersJson | undefined)[]): { lie: boolean; values: number[]; reason: string | undefined } {
  const numbers = records.filter((r) => r !== undefined).map(groupOrbitNumbersFromJson);
  const lie = numbers.some((n) => n.kind === 'lie');
  const values = numbers.map((n) => orbitMeasure(n, lie ? 'orbitDim' : 'orbitSize')).filter((x) => x !== null);
  return { lie, values, reason: numbers.find((n) => n.reason !== undefined)?.reason };
}
