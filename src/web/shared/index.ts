export { IDENTITY_PARAMS, actPlane, distanceWindow, planeDistance, planeRows, relativeDistance, rotationCurve, type PlaneParams } from './imagePlane.js';
export { D4_NAMES, actD4, d4Stabilizer } from './dihedral.js';
