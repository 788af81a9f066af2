export { factorial } from '../core/factorial.js';
export { identityArray, compose, invert, power, powerBig, apply, equals, isIdentity, isPermutation, cycleType, isEven, permKey } from '../core/kernels.js';
export { parseCycles, formatCycles, MAX_DEGREE } from './cycles.js';
export { Perm } from './Perm.js';
export { PermGroup, type PermGroupOptions } from './PermGroup.js';
export { symmetric, alternating, cyclic, dihedral, torusTranslations, gridC4, gridD4, p4m } from './named.js';
export { parseGenerators, parseGeneratorsFile, parseImageList, type GeneratorText } from './parseGenerators.js';
