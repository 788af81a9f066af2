/** What a table prints for a value that is missing, in report.html and the explorer alike. */
export const MISSING = '—';

/**
 * A number for people, in report.html and the explorer alike: 4 significant digits, exponent form
 * (3 significant digits) at or above 1e5 or below 1e-3 in magnitude, '—' when missing or not
 * finite. Imports nothing, so the explorer's browser bundle shares it.
 */
export function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return MISSING;
  if (x !== 0 && (Math.abs(x) >= 1e5 || Math.abs(x) < 1e-3)) return x.toExponential(2);
  return Number(x.toPrecision(4)).toString();
}

/** A 95% interval for people: "[lo, hi]" with fmt's rule, MISSING when there is none. */
export function fmtInterval(ci: readonly [number, number] | null | undefined): string {
  return ci ? `[${fmt(ci[0])}, ${fmt(ci[1])}]` : MISSING;
}
