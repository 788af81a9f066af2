import type { ClaimModule } from '../claimModule.js';
import { collectAutoencodersStabilise } from './collect.js';
import { judgeAutoencodersStabilise, AUTOENCODERS_STABILISE_TITLE, type AutoencodersStabiliseEvidence } from './judge.js';
import { autoencodersStabiliseChart } from './chart.js';

/** C5: autoencoders act as (shadowed) stabilizers of their inputs. */
export const autoencodersStabilise: ClaimModule<AutoencodersStabiliseEvidence> = {
  id: 'C5',
  title: AUTOENCODERS_STABILISE_TITLE,
  collect: collectAutoencodersStabilise,
  judge: judgeAutoencodersStabilise,
  chart: autoencodersStabiliseChart,
};

export { judgeAutoencodersStabilise, AUTOENCODERS_STABILISE_TITLE, type AutoencodersStabiliseEvidence, type InputLayerEvidence, type MapFit } from './judge.js';
export { meanBaseline, pcaBaseline, layerReconstructor, type Reconstructor } from './baselines.js';
export { collectAutoencodersStabilise, inputLayerEvidence, summaryOf } from './collect.js';
export { autoencodersStabiliseChart } from './chart.js';
