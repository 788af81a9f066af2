// The results schema lives in the bottom module src/results (report and web import it from there).
export * from '../results/index.js';
