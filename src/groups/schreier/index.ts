export { type ChainLevel,
  type StabChain,
  type SiftResult,
  emptyChain,
  newLevel,
  addGenerator,
  sift,
  siftInPlace,
  siftsToIdentity,
  chainContains,
  chainOrder,
  chainBase,
  strongGenerators,
  randomChainElement,
  chainElements,
  firstMovedPoint,
  transversalElement,
  inverseTransversalElement,
  chainFootprint,
  transversalPolicy,
  treeDepthBound,
  shallowTarget,
  shortcutCap,
  type TransversalPolicy,
  inverseWord,
} from './StabChain.js';
export { schreierSims, schreierSimsWithin, deterministicChain, chainWithBase, insertResidue } from './schreierSims.js';
export { randomSchreierSims, VERIFY_DETERMINISTIC_MAX_DEGREE, DEFAULT_RANDOM_SCHREIER_SIMS, type RandomSchreierSimsOptions, type Certificate } from './randomSchreierSims.js';
export { verifyChain, verifyLevel, completeChain, type ChainWitness, type VerifyOptions, type LevelStats } from './verify.js';
export { ProductReplacement } from './productReplacement.js';
export { orbitOfPoint, orbitsOfPoints, orbitSizeCounts, nontrivialOrbits, schreierVector, traceSchreierVector } from './orbits.js';
export { changeBase, pointwiseStabilizerChain } from './changeBase.js';
export { backtrackSubgroup, partitionStabilizer, setStabilizer, type SubgroupProperty, type SubgroupSearchResult } from './backtrack.js';
export { recognizeGiant, type GiantRecognition, type GiantKind, type GiantOptions } from './giant.js';
export type { GroupProgress, GroupProgressHandler } from './progress.js';
export { minimalBlockSystem, coarseBlockSystem, blockAction, type BlockSystem } from './blocks.js';
export { imprimitiveOrder, type ImprimitiveOrder, type SmallerGroups } from './imprimitive.js';
export { giantOrbitOrder, type GiantOrbitOrder } from './giantOrbit.js';
