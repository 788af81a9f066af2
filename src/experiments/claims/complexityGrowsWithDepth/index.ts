import type { ClaimModule } from '../claimModule.js';
import { collectComplexityGrowsWithDepth } from './collect.js';
import { judgeComplexityGrowsWithDepth, COMPLEXITY_GROWS_WITH_DEPTH_TITLE, type ComplexityGrowsWithDepthEvidence } from './judge.js';
import { complexityGrowsWithDepthChart } from './chart.js';

/** C4: complexity of features grows with depth. */
export const complexityGrowsWithDepth: ClaimModule<ComplexityGrowsWithDepthEvidence> = {
  id: 'C4',
  title: COMPLEXITY_GROWS_WITH_DEPTH_TITLE,
  collect: collectComplexityGrowsWithDepth,
  judge: judgeComplexityGrowsWithDepth,
  chart: complexityGrowsWithDepthChart,
};

export { judgeComplexityGrowsWithDepth, COMPLEXITY_GROWS_WITH_DEPTH_TITLE, type ComplexityGrowsWithDepthEvidence } from './judge.js';
export { collectComplexityGrowsWithDepth, C4_CONTROL } from './collect.js';
export { complexityGrowsWithDepthChart } from './chart.js';
