export { affineGridReference, gridSampleBilinearReference } from './gridSampleReference.js';
export { closureElements, bruteOrbit, bruteStabilizerCount, bruteColouringOrbits } from './groupOracle.js';
