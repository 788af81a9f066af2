import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/cli/trainProgress.js';
import type { StackProgress } from '../../src/nn/stackOptions.js';

const epochDone = (layer: number, epoch: number, loss: number): StackProgress =>
  ({ phase: 'layer', layer, layers: 2, epoch: epoch - 1, epochs: 3, step: 10, stepsPerEpoch: 10, loss, samplesPerSecond: 100, epochDone: { epoch, loss, seconds: 1 } }) as StackProgress;

describe('progressReporter', () => {
  it('progressReporter flags an epoch whose loss rose over the previous epoch of the same layer, and only that one', () => {
    const lines: string[] = [];
    const report = progressReporter({ tty: null, line: (t) => lines.push(t) });
    report(epochDone(0, 1, 1.0));
    report(epochDone(0, 2, 0.8));
    report(epochDone(0, 3, 0.9));
    report(epochDone(1, 1, 5.0)); // a new layer starts its own history
    expect(lines).toHaveLength(4);
    expect(lines.filter((l) => l.includes('not decreasing'))).toEqual([expect.stringMatching(/^layer 1\/2 epoch 3\/3: loss 0\.9, .* \(note: the loss rose from 0\.8; not decreasing\)$/)]);
  });
});
