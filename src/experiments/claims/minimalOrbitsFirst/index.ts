import type { ClaimModule } from '../claimModule.js';
import { collectMinimalOrbitsFirst } from './collect.js';
import { judgeMinimalOrbitsFirst, TITLE, type MinimalOrbitsFirstEvidence } from './judge.js';
import { minimalOrbitsFirstChart } from './chart.js';

/** C2: features with minimal orbits are learned first. */
export const minimalOrbitsFirst: ClaimModule<MinimalOrbitsFirstEvidence> = {
  id: 'C2',
  title: TITLE,
  collect: collectMinimalOrbitsFirst,
  judge: judgeMinimalOrbitsFirst,
  chart: minimalOrbitsFirstChart,
};

export { judgeMinimalOrbitsFirst, MIN_EMERGED_PRIMITIVES, type MinimalOrbitsFirstEvidence } from './judge.js';
export { collectMinimalOrbitsFirst, worldPrimitiveRecords, type PrimitiveRecord } from './collect.js';
export { minimalOrbitsFirstChart } from './chart.js';
