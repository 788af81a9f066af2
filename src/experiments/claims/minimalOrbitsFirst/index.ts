import type { ClaimModule } from '../claimModule.js';
import { collectMinimalOrbitsFirst } from './collect.js';
import { judgeMinimalOrbitsFirst, MINIMAL_ORBITS_FIRST_TITLE, type MinimalOrbitsFirstEvidence } from './judge.js';
import { minimalOrbitsFirstChart } from './chart.js';

/** C2: features with minimal orbits are learned first. */
export const minimalOrbitsFirst: ClaimModule<MinimalOrbitsFirstEvidence> = {
  id: 'C2',
  title: MINIMAL_ORBITS_FIRST_TITLE,
  collect: collectMinimalOrbitsFirst,
  judge: judgeMinimalOrbitsFirst,
  chart: minimalOrbitsFirstChart,
};

export { judgeMinimalOrbitsFirst, MINIMAL_ORBITS_FIRST_TITLE, MIN_EMERGED_PRIMITIVES, type MinimalOrbitsFirstEvidence, CONTROL_NAME } from './judge.js';
export { collectMinimalOrbitsFirst, worldPrimitiveRecords, type PrimitiveRecord } from './collect.js';
export { minimalOrbitsFirstChart } from './chart.js';
export { collectPrimitiveOrder } from './primitiveOrder.js';
export { DEFAULT_PRIMITIVE_ORDER_RULE, judgePrimitiveOrder } from './primitiveVerdict.js';
