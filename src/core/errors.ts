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

/**
 * A user error about named inputs of a library function, in the library's words: `inputs` are
 * its option names (e.g. ['groups'], ['height', 'width']) and `problem` says what is wrong with
 * them. Library code names no command-line flag; the CLI maps `inputs` to its own flags
 * (cli/inputFlags.ts) and prints `--flag: problem`.
 */
export class InvalidInputError extends UserError {
  readonly inputs: readonly string[];
  constructor(
    /** The function or object that refused the input ("analyzeModel"). */
    readonly where: string,
    inputs: string | readonly string[],
    /** What is wrong, without the input's name ("unknown group \"so3\""). */
    readonly problem: string,
  ) {
    const list = typeof inputs === 'string' ? [inputs] : [...inputs];
    super(`${where}: ${list.join('/')}: ${problem}`);
    this.name = 'InvalidInputError';
    this.inputs = list;
  }
}

/** True when an error is the user's to fix rather than a bug in Orbitscope. */
export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
