import { createRequire } from 'node:module';
import { InvalidArgumentError } from 'commander';
import type { z as Z } from 'zod';
import { UserError } from '../core/errors.js';

// zod loads with the first flag value a command parses, never for --help, which loads commander
// alone (issue 20): its import costs several times commander's (measured 0.8-1.3 s against
// 0.13-0.4 s on the loaded machine)
let zod: typeof Z | undefined;
const z = (): typeof Z => (zod ??= (createRequire(import.meta.url)('zod') as { z: typeof Z }).z);

/** The allowed range in words: "a positive number", "at least 1", "in [0, 1]" (never 5e-324 or Infinity). */
function range(kind: 'an integer' | 'a number', min: number, max: number): string {
  if (min === Number.MIN_VALUE && max === Infinity) return kind === 'a number' ? 'a positive number' : 'a positive integer';
  if (min === -Infinity && max === Infinity) return kind;
  if (max === Infinity) return `${kind} of at least ${min}`;
  if (min === -Infinity) return `${kind} of at most ${max}`;
  return `${kind} in [${min === Number.MIN_VALUE ? 0 : min}, ${max}]${min === Number.MIN_VALUE ? ' above 0' : ''}`;
}

/**
 * The one way a flag's value is validated: its text through a zod schema; the schema's first
 * issue becomes commander's error for the flag ("option '--batch <n>' argument 'x' is invalid.
 * expected an integer, got "x""). The schema is built when the first value is parsed.
 */
export function flag<T>(schema: () => Z.ZodType<T, string>): (value: string) => T {
  let built: Z.ZodType<T, string> | undefined;
  return (value: string): T => {
    const r = (built ??= schema()).safeParse(value);
    if (!r.success) throw new InvalidArgumentError(r.error.issues[0]?.message ?? `invalid value "${value}"`);
    return r.data;
  };
}

/** The text of a number: trimmed and non-empty, an integer or a finite double as `kind` asks. */
function numeral(kind: 'an integer' | 'a number') {
  return z()
    .string()
    .transform((text, ctx) => {
      const x = Number(text);
      if (text.trim() === '' || !(kind === 'an integer' ? Number.isInteger(x) : Number.isFinite(x))) {
        ctx.addIssue({ code: 'custom', message: `expected ${kind}, got "${text}"` });
        return z().NEVER;
      }
      return { text: text.trim(), x };
    });
}

/** A number in [min, max]; messages quote the user's own digits (99999999999999999 is 1e17 once it is a double). */
function bounded(kind: 'an integer' | 'a number', min: number, max: number) {
  return numeral(kind)
    .superRefine(({ text, x }, ctx) => {
      if (x < min || x > max) ctx.addIssue({ code: 'custom', message: `expected ${range(kind, min, max)}, got ${text}` });
      else if (kind === 'an integer' && !Number.isSafeInteger(x)) ctx.addIssue({ code: 'custom', message: `${text} is beyond the exact integers (at most ${Number.MAX_SAFE_INTEGER})` });
    })
    .transform(({ x }) => x);
}

/** commander value parser for an integer option within [min, max]. */
export function integer(min = -Infinity, max = Infinity): (value: string) => number {
  return flag(() => bounded('an integer', min, max));
}

/** commander value parser for a positive integer of any size (digits only), as a bigint (group orders). */
export function positiveBigInt(value: string): bigint {
  return bigPositive(value);
}
const bigPositive = flag(() =>
  z()
    .string()
    .transform((text, ctx) => {
      const t = text.trim();
      if (!/^[0-9]+$/.test(t) || /^0+$/.test(t)) {
        ctx.addIssue({ code: 'custom', message: `expected a positive integer (digits only), got "${text}"` });
        return z().NEVER;
      }
      return BigInt(t);
    }),
);

/** commander value parser for a finite number within [min, max]. */
export function number(min = -Infinity, max = Infinity): (value: string) => number {
  return flag(() => bounded('a number', min, max));
}

/** commander value parser for a positive finite number (rates). */
export const positive = number(Number.MIN_VALUE);

/** commander value parser for a comma-separated list of integers of at least `min` ("256,64"). */
export function integerList(min = 1): (value: string) => number[] {
  return flag(() =>
    z()
      .string()
      .transform((text, ctx) => {
        const parts = text.split(',').map((s) => s.trim());
        const xs = parts.map(Number);
        if (parts.some((p) => p === '') || xs.some((x) => !Number.isSafeInteger(x) || x < min)) {
          ctx.addIssue({ code: 'custom', message: `expected a comma-separated list of integers of at least ${min}, got "${text}"` });
          return z().NEVER;
        }
        return xs;
      }),
  );
}

/** commander value parser for one of a fixed set of words. */
export function oneOf<T extends string>(choices: readonly [T, ...T[]]): (value: string) => T {
  return flag(() => z().enum(choices, { error: (issue) => `expected one of ${choices.join(', ')}, got "${String(issue.input)}"` }));
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
