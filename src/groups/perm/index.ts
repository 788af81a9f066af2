export { factorial } from '../core/factorial.js';
export { identityArray, compose, invert, power, powerBig, apply, equals, isIdentity, isPermutation, cycleType, isEven, permKey } from '../core/kernels.js';
export { parseCycles, formatCycles, MAX_DEGREE } from './cycles.js';
export { Perm } from './Perm.js';
export { PermGroup, type PermGroupOptions } from './PermGroup.js';
export { symmetric, alternating, cyclic, dihedral, torusTranslations, gridC4, gridD4, p4m } from './named.js';
export { parseGenerators, parseGeneratorsFile, parseImageList, type GeneratorText } from './parseGenerators.js';
export { checkP4mElement, d4Element, D4_ELEMENT_NAMES, p4mElements, p4mLinearPart, p4mPerm, p4mPermutations, p4mPermutation, p4mPoint, P4M_IDENTITY, POINT_GROUP_D4, torusOriginGenerators, type D4ElementName, type P4mElement } from './p4mElement.js';
export { alternatingGenerators, giantBase, giantBaseAndStrongGenerators, giantGenerators, giantOrder, giantSetStabilizer, symmetricGenerators } from './giantForms.js';
