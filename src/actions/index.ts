export { actOnImage } from './imageAction.js';
export { quantiseLevels } from './quantise.js';
export { imageStabilizer, ENUMERATE_MAX_ORDER, type ImageStabilizerResult } from './imageStabilizer.js';
export { epsStabilizer, type EpsStabilizerResult } from './epsStabilizer.js';
export { torusStabilizer, type TorusGroup, type TorusStabilizerResult } from './torusStabilizer.js';
export type { GrayImage } from './grayImage.js';
