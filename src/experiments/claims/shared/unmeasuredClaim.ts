import type { Claim } from '../../../results/index.js';

/** A claim that could not be measured: inconclusive with the reason, never a crash. */
export function unmeasuredClaim(title: string, measured: string, statisticName: string, reason: string, axes = { x: '', y: '' }, failsWhen = '', minimumEffect = 0): Claim {
  return { verdict: 'inconclusive', statistic: null, ci: null, n: 0, reason, title, measured, statisticName, threshold: 0, minimumEffect, control: null, difference: null, controls: [], failsWhen, perSeed: [], points: [], axes };
}
