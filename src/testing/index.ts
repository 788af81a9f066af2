export { affineGridReference, gridSampleBilinearReference } from './gridSampleReference.js';
