export { affineGridReference, gridSampleBilinearReference } from './gridSampleReference.js';
export { bruteForceElements, bruteForceOrbit, type BruteForceGroup } from './p4mBruteForce.js';
export { encodeIdx } from './idxWriter.js';
export { closureElements, bruteOrbit, bruteStabilizerCount, bruteColouringOrbits } from './groupOracle.js';
export { resampleReference, borderIndex, type ReferenceBorder } from './resampleReference.js';
export { gaussianBlob, smoothEdge, thinSegment, flower } from './syntheticImages.js';
export { writeFixtureRun, fixtureImage, p4mOrbit, FIXTURE_KINDS, type FixtureRunOptions } from './fixtureRun.js';
export { bruteForceAssignment } from './bruteForceAssignment.js';
export { powerSpectrumReference } from './dft2Reference.js';
