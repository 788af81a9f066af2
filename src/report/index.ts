export { imageGridPng, type ImageGridOptions } from './imageGrid.js';
export { viridis, type Rgb } from './colourScale.js';
