import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fmt, fmtInterval, MISSING } from '../../src/report/index.js';
import { cellText } from '../../src/web/app/pages/claims.js';

describe('fmt (report.html and the explorer)', () => {
  it('prints 4 significant digits, exponent form outside [1e-3, 1e5), and a dash for a missing value', () => {
    expect(fmt(1234.5678)).toBe('1235');
    expect(fmt(0.5)).toBe('0.5');
    expect(fmt(-2 / 3)).toBe('-0.6667');
    expect(fmt(37.5)).toBe('37.5');
    expect(fmt(12345)).toBe('12350');
    expect(fmt(123456)).toBe('1.23e+5');
    expect(fmt(0.0001234)).toBe('1.23e-4');
    expect(fmt(0)).toBe('0');
    for (const missing of [null, undefined, NaN, Infinity]) expect(fmt(missing)).toBe('—');
  });

  it('an interval prints both ends by fmt, and report.html and the explorer print one mark for what is missing', () => {
    expect(fmtInterval([-0.7301, 0.14567])).toBe('[-0.7301, 0.1457]');
    expect(fmtInterval([1e-5, 2e5])).toBe('[1.00e-5, 2.00e+5]');
    for (const missing of [null, undefined]) expect(fmtInterval(missing)).toBe(MISSING);
    expect(MISSING).toBe(fmt(NaN));
    for (const missing of [null, undefined, '']) expect(cellText(missing)).toBe(MISSING);
    expect(cellText(2 / 3)).toBe('0.6667');
  });

  it('the modules the explorer shares with report.html import nothing, so its browser bundle needs no node module', () => {
    for (const file of ['src/report/numberFormat.ts', 'src/report/colorScale.ts', 'src/core/linalg/maxAbs.ts']) {
      expect(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), file).not.toMatch(/^\s*import\b/m);
    }
  });
});
