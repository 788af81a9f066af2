import type { ClaimModule } from '../claimModule.js';
import { collectAutoencodersStabilize } from './collect.js';
import { judgeAutoencodersStabilize, AUTOENCODERS_STABILIZE_TITLE, type AutoencodersStabilizeEvidence } from './judge.js';
import { autoencodersStabilizeChart } from './chart.js';

/** C5: autoencoders act as (shadowed) stabilizers of their inputs. */
export const autoencodersStabilize: ClaimModule<AutoencodersStabilizeEvidence> = {
  id: 'C5',
  title: AUTOENCODERS_STABILIZE_TITLE,
  collect: collectAutoencodersStabilize,
  judge: judgeAutoencodersStabilize,
  chart: autoencodersStabilizeChart,
};

export { judgeAutoencodersStabilize, AUTOENCODERS_STABILIZE_TITLE, type AutoencodersStabilizeEvidence, type InputLayerEvidence, type MapFit } from './judge.js';
export { meanBaseline, pcaBaseline, layerReconstructor, type Reconstructor } from './baselines.js';
export { collectAutoencodersStabilize, inputLayerEvidence, summaryOf } from './collect.js';
export { autoencodersStabilizeChart } from './chart.js';
