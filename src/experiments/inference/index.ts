export { tQuantile, tCdf } from './studentT.js';
export { tInterval, type MeanInterval } from './tInterval.js';
export { signFlipTest, type SignFlipOptions, type SignFlipResult, type Alternative } from './signFlip.js';
export { inferAcrossSeeds, seedDifferences, type SeedStatistic, type SeedInference, type AcrossSeedsOptions } from './acrossSeeds.js';
export { judgeAcrossSeeds, seedRule, MINIMUM_SEEDS, type SeedVerdict } from './seedVerdict.js';
export { compareWithControl, type ControlledVerdict } from './compareWithControl.js';
