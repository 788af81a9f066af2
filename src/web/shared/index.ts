export { IDENTITY_PARAMS, actPlane, distanceWindow, planeDistance, planeRows, rotationCurve, type PlaneParams } from './imagePlane.js';
export { d4EpsStabilizer, epsStabilizerSize } from './finiteStabilizers.js';
