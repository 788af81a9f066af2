import { FINITE_GROUP_NAMES } from '../groups/groupNames.js';

/** The finite family's --group names as `orbitscope orbit --help` shows them (the registry's, and gens:FILE). */
export const FINITE_ORBIT_NAMES = `${FINITE_GROUP_NAMES.join('|')}|gens:FILE`;
