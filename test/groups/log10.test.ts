import { describe, expect, it } from 'vitest';
import { describeOrder, factorial, log10BigInt } from '../../src/groups/index.js';

describe('group orders beyond a double', () => {
  it('log10BigInt: powers of ten exactly, 208! as the sum of log10 k, and 2^1000', () => {
    expect(log10BigInt(1n)).toBe(0);
    expect(log10BigInt(10n ** 400n)).toBe(400);
    let sum = 0;
    for (let k = 2; k <= 208; k++) sum += Math.log10(k);
    expect(log10BigInt(factorial(208))).toBeCloseTo(sum, 9);
    expect(log10BigInt(2n ** 1000n)).toBeCloseTo(1000 * Math.log10(2), 9);
    expect(() => log10BigInt(0n)).toThrow(/not positive/);
  });

  it('describeOrder: exact up to 30 digits, else truncated leading digits and the digit count', () => {
    expect(describeOrder(120n)).toBe('120');
    expect(describeOrder(10n ** 29n)).toBe(`1${'0'.repeat(29)}`);
    expect(describeOrder(10n ** 400n)).toBe('≈ 1.000 × 10^400 (401 digits)');
    expect(describeOrder(10n ** 40n - 1n)).toBe('≈ 9.999 × 10^39 (40 digits)');
    expect(describeOrder(factorial(208))).toBe('≈ 2.411 × 10^393 (394 digits)');
  });
});
