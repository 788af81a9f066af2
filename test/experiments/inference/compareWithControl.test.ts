import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../../src/core/random.js';
import { compareWithControl, seedRule } from '../../../src/experiments/inference/index.js';

const seeds = (values: number[]) => values.map((value, seed) => ({ seed, value }));

describe('compareWithControl: the verdict is on trained minus control', () => {
  it('a high trained statistic matched by an equally high control is not supported', () => {
    // both near 0.7 (as C3 against random fields in issue 13): the trained statistic alone would pass
    const rng = RandomSource.fromSeed(1);
    const trained = seeds(Array.from({ length: 10 }, () => 0.7 + 0.02 * rng.normal()));
    const control = seeds(Array.from({ length: 10 }, () => 0.7 + 0.02 * rng.normal()));
    const v = compareWithControl(trained, control, seedRule(0.1));
    expect(v.trained.ci![0]).toBeGreaterThan(0.5);
    expect(v.verdict).toBe('not supported');
    expect(v.difference.ci![1]).toBeLessThan(0.1);
  });

  it('a trained statistic above its control by more than the minimum effect in every seed is supported', () => {
    const trained = seeds([0.6, 0.62, 0.58, 0.65, 0.61, 0.59, 0.63, 0.6]);
    const control = seeds([0.2, 0.25, 0.18, 0.22, 0.21, 0.19, 0.24, 0.2]);
    const v = compareWithControl(trained, control, seedRule(0.1));
    expect(v.verdict).toBe('supported');
    // means 4.88 / 8 = 0.61 and 1.69 / 8 = 0.21125
    expect(v.difference.estimate).toBeCloseTo(0.61 - 0.21125, 10);
    expect(v.inference).toBe(v.difference);
    expect(v.control.n).toBe(8);
  });
});
