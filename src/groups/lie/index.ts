export { LIE_GROUP_NAMES, affineRows, type LieGroup, type LieGroupName, type ParameterBox, type BoxOptions } from './LieGroup.js';
export { lieGroup, isLieGroupName } from './lieGroupRegistry.js';
export { t2, so2, scale, se2, sim2, wrapAngle, diskPoint } from './similarityGroups.js';
export { gl2, aff2 } from './linearGroups.js';
export { mat3Identity, mat3Mul, mat3Exp, mat3Log, affineInverse, type Mat3, mat3AddScaled, mat3Norm } from './mat3.js';
