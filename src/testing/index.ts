export { affineGridReference, gridSampleBilinearReference } from './gridSampleReference.js';
export { writeFixtureRun, fixtureImage, p4mOrbit, FIXTURE_KINDS, type FixtureRunOptions } from './fixtureRun.js';
