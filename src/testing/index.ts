export { affineGridReference, gridSampleBilinearReference } from './gridSampleReference.js';
export { bruteForceAssignment } from './bruteForceAssignment.js';
export { powerSpectrumReference } from './dft2Reference.js';
