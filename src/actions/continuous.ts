export { resampleBatch, orbitDistances, samplingThetas, checkStack, INTERPOLATIONS, BORDER_MODES, type Interpolation, type BorderMode, type ResampleOptions, type ImageStack, type AffineElement } from './resample.js';
export { imageWindow, type WindowKind } from './imageWindow.js';
export { fourierShift } from './fourierShift.js';
export { imageGradient, tangentVectors, tangentBatch } from './tangent.js';
export { jacobiEigen } from './jacobiEigen.js';
export { orbitDimension, DEFAULT_RANK_TOL, type OrbitDimension, type OrbitDimensionOptions } from './orbitDimension.js';
