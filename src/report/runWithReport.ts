import type { RunConfig } from '../experiments/config.js';
import { runExperiment, type RunOptions } from '../experiments/runExperiment.js';
import type { Results } from '../results/index.js';
import { writeRunReport } from './writeRunReport.js';

/** `orbitscope run`: the experiments end to end (runExperiment) with report.html and figures/ written. */
export function runWithReport(config: RunConfig, options: Omit<RunOptions, 'writeReport'>): Promise<{ results: Results; elapsedSeconds: number }> {
  return runExperiment(config, { ...options, writeReport: writeRunReport });
}
