export { collectOrbitStabilizer, checkOrbitStabilizer, type OrbitStabilizerCheck } from './orbitStabilizer.js';
export { collectRandomSearch, checkRandomSearch, type RandomSearchRecord, type RandomSearchRace, type RandomSearchEvidence } from './randomSearch.js';
