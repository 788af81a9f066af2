export { onPoints, onTuples, onSets, type Action } from './action.js';
export { onImage } from './onImage.js';
export { orbitUnderAction, orbitOfSet, orbitOfTuple } from './orbitUnderAction.js';
export { quantiseLevels } from './quantise.js';
export { imageStabilizer, ENUMERATE_MAX_ORDER, type ImageStabilizerResult } from './imageStabilizer.js';
export { epsStabilizer, centredEpsStabilizer, meanCentred, type FiniteEpsStabilizerResult } from './epsStabilizer.js';
export { torusStabilizer, type TorusGroup, type TorusStabilizerResult } from './torusStabilizer.js';
export type { GrayImage } from './grayImage.js';
