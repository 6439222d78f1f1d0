/**
 * Exit statuses. `check` says its verdict through 0, 1 and 2 so that scripts can gate on it; the
 * others follow BSD sysexits.h, which shell users and CI systems already know.
 */
export const EXIT = {
  ok: 0,
  warn: 1,
  block: 2,
  /** EX_USAGE: the command line is wrong. */
  usage: 64,
  /** EX_DATAERR: the input exists but is not something we agree to check (e.g. far too large). */
  dataError: 65,
  /** EX_NOINPUT: an input file does not exist or cannot be read. */
  noInput: 66,
  /** EX_SOFTWARE: a bug of ours. */
  internal: 70,
} as const;

/** A failure the user can fix; printed as one French sentence, never as a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The help to point at, e.g. "blouse check --help". */
    readonly help?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function usageError(message: string, help: string): CliError {
  return new CliError(message, EXIT.usage, help);
}

export function inputError(message: string): CliError {
  return new CliError(message, EXIT.noInput);
}

export function dataError(message: string): CliError {
  return new CliError(message, EXIT.dataError);
}
