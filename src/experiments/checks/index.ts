export type { CheckResult } from './checkResult.js';
export { checkFiniteOrbitStabilizer, type FiniteStabilizerClaim, type FiniteCheckOptions } from './finiteOrbitStabilizer.js';
export { stabilizerAlgebra, checkLieStabilizer, type StabilizerAlgebra, type StabilizerAlgebraOptions } from './lieStabilizerAlgebra.js';
export { exactRaceShares, type RaceExpectation } from './raceExpectation.js';
export { checkSearchTallies, checkRace, SELF_CHECK_ALPHA, type SearchRecord } from './randomSearchCheck.js';
export { checkFeatureOrbits, summarizeChecks, type FeatureCheckSettings } from './featureChecks.js';
export { groupTable, orbitSizeByElements, orbitSizeByClosure, hashWeights, GROUP_TABLE_MAX_ORDER, type GroupTable } from './orbitEnumeration.js';
