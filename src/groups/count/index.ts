export { countColourings, MAX_ENUMERATED_ORDER } from './countColourings.js';
export { orbitsBySize, MAX_ORBITS_BY_SIZE_ORDER } from './orbitsBySize.js';
