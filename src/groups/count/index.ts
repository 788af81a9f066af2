export { countColorings, MAX_ENUMERATED_ORDER } from './countColorings.js';
export { orbitsBySize, MAX_ORBITS_BY_SIZE_ORDER } from './orbitsBySize.js';
