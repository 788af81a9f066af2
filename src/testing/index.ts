export { affineGridReference, gridSampleBilinearReference } from './gridSampleReference.js';
export { autoencoderObjectiveReference } from './autoencoderReference.js';
export {
  rbmStepReference,
  rbmEnergyReference,
  rbmFreeEnergyByEnumeration,
  rbmLogLikelihoodByEnumeration,
  type RbmParams64,
} from './rbmReference.js';
