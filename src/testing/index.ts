export { affineGridReference, gridSampleBilinearReference } from './gridSampleReference.js';
export { resampleReference, borderIndex, type ReferenceBorder } from './resampleReference.js';
