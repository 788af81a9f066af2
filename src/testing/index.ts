export { affineGridReference, gridSampleBilinearReference } from './gridSampleReference.js';
export { bruteForceElements, bruteForceOrbit, type BruteForceGroup } from './p4mBruteForce.js';
export { encodeIdx } from './idxWriter.js';
export { closureElements, bruteOrbit, bruteStabilizerCount, bruteColouringOrbits } from './groupOracle.js';
