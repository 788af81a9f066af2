import { LIE_GROUP_NAMES } from '../groups/lie/LieGroup.js';

// The --group names of `orbitscope orbit` alone, so that its --help lists them without loading
// the code of either family.

/** Finite pixel groups by name (besides gens:FILE). */
export const FINITE_ORBIT_GROUPS: readonly string[] = ['translations', 'd4', 'c4', 'p4m', 'symmetric'];
/** The finite family's names as --help shows them. */
export const FINITE_ORBIT_NAMES = `${FINITE_ORBIT_GROUPS.join('|')}|gens:FILE`;
/** Image-plane Lie groups by name. */
export const CONTINUOUS_GROUPS: readonly string[] = LIE_GROUP_NAMES;
