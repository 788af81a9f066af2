import type { z } from 'zod';
import { InputRangeError, InputTypeError, UserError } from './errors.js';

/** Throw InputRangeError unless `x` is an integer in [min, max]. */
export function checkInteger(where: string, name: string, x: number, min = -Infinity, max = Infinity): void {
  if (!Number.isInteger(x)) throw new InputTypeError(`${where}: ${name} must be an integer, got ${x}`);
  if (x < min || x > max) {
    const range = max === Infinity ? `at least ${min}` : min === -Infinity ? `at most ${max}` : `in [${min}, ${max}]`;
    throw new InputRangeError(`${where}: ${name} must be ${range}, got ${x}`);
  }
}

/** Throw InputRangeError unless every entry is finite; names the first bad index. */
export function checkFinite(where: string, name: string, a: ArrayLike<number>): void {
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) throw new InputRangeError(`${where}: ${name} has a non-finite value (${a[i]}) at index ${i}`);
  }
}

/** One-line description of the first zod issue, naming the offending key path. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length ? issue.path.join('.') : '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    const at = issue.path.length ? ` in ${path}` : '';
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}${at}`;
  }
  return `${path}: ${issue.message}`;
}

/**
 * Validate options against a zod schema; throws UserError naming `where` and the first
 * problem (unknown keys are rejected when the schema is strict, as all Orbitscope option
 * schemas are).
 */
export function parseOptions<S extends z.ZodType>(where: string, schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new UserError(`${where}: ${describeIssue(r.error.issues[0]!)}`);
  return r.data;
}
