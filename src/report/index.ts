export { reportHtml, fmt, type ReportFigure, type RunFacts } from './html.js';
export { imageGridPng, type ImageGridOptions } from './imageGrid.js';
export { renderSvg } from './renderSvg.js';
export { viridis, type Rgb } from './colourScale.js';
export { claimChart } from '../experiments/claims/charts.js';
export { writeRunReport } from './writeRunReport.js';
export { runWithReport } from './runWithReport.js';
