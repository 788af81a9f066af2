export { IDENTITY_PARAMS, actPlane, bilinearAt, diskWindow, planeDistance, planeMatrix, relativeDistance, rotationCurve, type PlaneParams } from './imagePlane.js';
export { GENERATORS, PLANE_GROUPS, symmetricEigenvalues, tangentSingularValues } from './tangent.js';
export { D4_NAMES, actD4, d4Stabilizer } from './dihedral.js';
