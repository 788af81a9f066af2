export { collectOrbitStabilizer, checkOrbitStabilizer, type OrbitStabilizerCheck } from './orbitStabilizer.js';
export { collectRandomSearch, checkRandomSearch, C1_TOLERANCE, type RandomSearchRecord, type RandomSearchRace, type RandomSearchEvidence } from './randomSearch.js';
