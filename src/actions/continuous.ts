export { resampleBatch, orbitDistances, samplingThetas, checkStack, INTERPOLATIONS, BORDER_MODES, type Interpolation, type BorderMode, type ResampleOptions, type ImageStack, type AffineElement } from './resample.js';
export { imageWindow, type WindowKind } from './imageWindow.js';
