import { describe, expect, it } from 'vitest';
import { snapshotSteps } from '../../src/experiments/snapshotSteps.js';

describe('snapshotSteps', () => {
  it('snapshotSteps(count, batch, epochs, perDecade) starts at 0, ends at the last step and is log-spaced', () => {
    // 1000 samples, batch 100: 10 steps per epoch, 3 epochs = 30 steps; 2 per decade: 1, 3, 10
    expect(snapshotSteps(1000, 100, 3, 2)).toEqual([0, 1, 3, 10, 30]);
  });

  it('snapshotSteps counts only full batches per epoch, as the trainer does', () => {
    expect(snapshotSteps(250, 100, 1, 1).at(-1)).toBe(2);
  });

  it('snapshotSteps rejects data smaller than one batch', () => {
    expect(() => snapshotSteps(5, 10, 1, 1)).toThrow(/no full batch/);
  });
});
