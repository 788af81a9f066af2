export { affineGridReference, gridSampleBilinearReference } from './gridSampleReference.js';
export { autoencoderObjectiveReference } from './autoencoderReference.js';
