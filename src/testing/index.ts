export { affineGridReference, gridSampleBilinearReference } from './gridSampleReference.js';
export { bruteForceAssignment } from './bruteForceAssignment.js';
