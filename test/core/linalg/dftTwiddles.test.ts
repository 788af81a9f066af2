import { describe, expect, it } from 'vitest';
import { dftTwiddles } from '../../../src/core/index.js';

describe('dftTwiddles', () => {
  it('are the closed-form roots of unity for n = 4 and n = 8', () => {
    const t4 = dftTwiddles(4);
    [1, 0, -1, 0].forEach((c, m) => expect(t4.cos[m]).toBeCloseTo(c, 15));
    [0, 1, 0, -1].forEach((s, m) => expect(t4.sin[m]).toBeCloseTo(s, 15));
    const t8 = dftTwiddles(8);
    expect(t8.cos[1]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(t8.sin[1]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(t8.cos[3]).toBeCloseTo(-Math.SQRT1_2, 15);
    expect(t8.sin[5]).toBeCloseTo(-Math.SQRT1_2, 15);
  });

  it('negated sin is the sin of the negated angle to the bit, so forward and inverse transforms share one table', () => {
    for (const n of [3, 5, 12, 28, 29]) {
      const { cos, sin } = dftTwiddles(n);
      for (let m = 0; m < n; m++) {
        const a = (-2 * Math.PI * m) / n;
        expect(Object.is(cos[m], Math.cos(a))).toBe(true);
        expect(Object.is(-sin[m], Math.sin(a)) || (sin[m] === 0 && Math.sin(a) === 0)).toBe(true);
        expect(Math.abs(cos[m] * cos[m] + sin[m] * sin[m] - 1)).toBeLessThan(1e-15);
      }
    }
  });

  it('computes each length once', () => {
    expect(dftTwiddles(12)).toBe(dftTwiddles(12));
    expect(dftTwiddles(12).cos.length).toBe(12);
  });
});
