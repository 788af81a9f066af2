export { complexity, type Complexity, type ComplexityOptions } from './complexity.js';
export { compressedLength, equalWidthBins } from './compressedLength.js';
export { totalVariation } from './totalVariation.js';
export { spectralEntropy, powerSpectrum } from './spectralEntropy.js';
export { connectedComponents, type ComponentOptions } from './connectedComponents.js';
export { checkFeatureImage, maxAbs } from './featureImage.js';
export { onnxFeatures, tensorValues, type OnnxFeatures, type OnnxFeatureOptions } from './onnxFeatures.js';
