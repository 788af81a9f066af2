export { imageGridPng, type ImageGridOptions } from './imageGrid.js';
export { viridis, type Rgb } from './colourScale.js';
export { reportHtml, fmt, type ReportFigure, type RunFacts } from './html.js';
export { claimChart } from './charts.js';
export { renderSvg } from './renderSvg.js';
