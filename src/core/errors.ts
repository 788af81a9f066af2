/**
 * Errors a user can cause (bad input, bad options, malformed files). The CLI prints their
 * message as `orbitscope <command>: <message>` and exits 2, without a stack trace.
 * Messages name the function or input, the argument, what was expected and what came:
 * "orbit: point 9 is outside degree 8".
 */
export class UserError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UserError';
  }
}

/** A user error about the kind of a value (wrong type, wrong format). */
export class InputTypeError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'InputTypeError';
  }
}

/** A user error about a value out of its allowed range (negative rate, point outside degree). */
export class InputRangeError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'InputRangeError';
  }
}

/** True when an error is the user's to fix rather than a bug in Orbitscope. */
export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
