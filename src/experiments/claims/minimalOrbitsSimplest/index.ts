import type { ClaimModule } from '../claimModule.js';
import { collectMinimalOrbitsSimplest } from './collect.js';
import { judgeMinimalOrbitsSimplest, MINIMAL_ORBITS_SIMPLEST_TITLE, type MinimalOrbitsSimplestEvidence } from './judge.js';
import { minimalOrbitsSimplestChart } from './chart.js';

/** C3: features with minimal orbits are the simplest. */
export const minimalOrbitsSimplest: ClaimModule<MinimalOrbitsSimplestEvidence> = {
  id: 'C3',
  title: MINIMAL_ORBITS_SIMPLEST_TITLE,
  collect: collectMinimalOrbitsSimplest,
  judge: judgeMinimalOrbitsSimplest,
  chart: minimalOrbitsSimplestChart,
};

export { judgeMinimalOrbitsSimplest, MINIMAL_ORBITS_SIMPLEST_TITLE, type MinimalOrbitsSimplestEvidence, type FeatureSet } from './judge.js';
export { collectMinimalOrbitsSimplest, simplestEvidence, C3_CONTROLS, type SimplestFeatures } from './collect.js';
export { minimalOrbitsSimplestChart } from './chart.js';
