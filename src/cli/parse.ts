import { InvalidArgumentError } from 'commander';
import { UserError } from '../core/errors.js';

/** The allowed range in words: "a positive number", "at least 1", "in [0, 1]" (never 5e-324 or Infinity). */
function range(kind: 'an integer' | 'a number', min: number, max: number): string {
  if (min === Number.MIN_VALUE && max === Infinity) return kind === 'a number' ? 'a positive number' : 'a positive integer';
  if (min === -Infinity && max === Infinity) return kind;
  if (max === Infinity) return `${kind} of at least ${min}`;
  if (min === -Infinity) return `${kind} of at most ${max}`;
  return `${kind} in [${min === Number.MIN_VALUE ? 0 : min}, ${max}]${min === Number.MIN_VALUE ? ' above 0' : ''}`;
}

/** commander value parser for an integer option within [min, max]. */
export function integer(min = -Infinity, max = Infinity) {
  return (value: string): number => {
    const x = Number(value);
    if (value.trim() === '' || !Number.isInteger(x)) throw new InvalidArgumentError(`expected an integer, got "${value}"`);
    // the user's own digits: 99999999999999999 is 1e17 once it is a double
    if (x < min || x > max) throw new InvalidArgumentError(`expected ${range('an integer', min, max)}, got ${value.trim()}`);
    if (!Number.isSafeInteger(x)) throw new InvalidArgumentError(`${value.trim()} is beyond the exact integers (at most ${Number.MAX_SAFE_INTEGER})`);
    return x;
  };
}

/** commander value parser for a finite number within [min, max]. */
export function number(min = -Infinity, max = Infinity) {
  return (value: string): number => {
    const x = Number(value);
    if (value.trim() === '' || !Number.isFinite(x)) throw new InvalidArgumentError(`expected a number, got "${value}"`);
    if (x < min || x > max) throw new InvalidArgumentError(`expected ${range('a number', min, max)}, got ${value.trim()}`);
    return x;
  };
}

/** commander value parser for a positive finite number (rates). */
export function positive(value: string): number {
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x <= 0) throw new InvalidArgumentError(`expected a positive number, got "${value}"`);
  return x;
}

/** commander value parser for a comma-separated list of positive integers ("256,64"). */
export function integerList(min = 1) {
  return (value: string): number[] => {
    const parts = value.split(',').map((s) => s.trim());
    const xs = parts.map(Number);
    if (parts.some((p) => p === '') || xs.some((x) => !Number.isSafeInteger(x) || x < min)) {
      throw new InvalidArgumentError(`expected a comma-separated list of integers of at least ${min}, got "${value}"`);
    }
    return xs;
  };
}

/** commander value parser for one of a fixed set of words. */
export function oneOf<T extends string>(choices: readonly T[]) {
  return (value: string): T => {
    if (!(choices as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${choices.join(', ')}, got "${value}"`);
    return value as T;
  };
}

/** commander collector for a repeatable string option. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * Refuse options that would be silently ignored here: `flags` maps option keys to their flags,
 * and any of them set in `options` is a UserError naming them, what they apply to and what
 * they were given with (e.g. "--encoder: applies to autoencoders (--model ae) only, not to --model rbm").
 */
export function refuseInapplicable<O extends object>(options: O, flags: Partial<Record<keyof O, string>>, appliesTo: string, notTo: string): void {
  const given = (Object.keys(flags) as (keyof O)[]).filter((k) => options[k] !== undefined);
  if (given.length) throw new UserError(`${given.map((k) => flags[k]).join(', ')}: ${given.length > 1 ? 'apply' : 'applies'} to ${appliesTo} only, not to ${notTo}`);
}
