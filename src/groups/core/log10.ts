/**
 * log10(x) for a positive bigint of any size (group orders such as 208! overflow a double, so
 * Number(order) would be Infinity): from the digit count and the leading 17 digits.
 */
export function log10BigInt(x: bigint): number {
  if (x <= 0n) throw new RangeError(`log10BigInt: ${x} is not positive`);
  const s = x.toString();
  return s.length - 1 + Math.log10(leadingDigits(s));
}

/** The decimal digits s as d.ddd... (17 significant digits, beyond a double's precision). */
const leadingDigits = (s: string) => Number(`${s[0]}.${s.slice(1, 17) || '0'}`);

/** A group order for people: exact up to 30 digits, else "≈ 5.787 × 10^394 (395 digits)". */
export function describeOrder(x: bigint): string {
  const s = x.toString();
  if (s.length <= 30) return s;
  // the leading digits truncated, not rounded, so that 9.9996... never prints as 10.000
  return `≈ ${s[0]}.${s.slice(1, 4)} × 10^${s.length - 1} (${s.length} digits)`;
}
