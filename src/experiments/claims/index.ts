export { claimC0 } from './c0.js';
export { claimC1, C1_TOLERANCE } from './c1.js';
export { claimC2, finalFeatures } from './c2.js';
export { claimC3 } from './c3.js';
export { claimC4 } from './c4.js';
export { claimC5 } from './c5.js';
export { correlationClaim, unmeasuredClaim } from './correlationClaim.js';
export { orbitValue } from './orbitValue.js';
