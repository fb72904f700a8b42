/** Where a command writes: injectable so commands run in-process in tests. */
export interface CliIo {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown; isTTY?: boolean }
}

/** Exit codes of `finops-ai`. */
export const EXIT_OK = 0
/** Invalid input: unreadable or malformed files (with `--strict`), invalid policies, FOCUS validation failures. */
export const EXIT_INVALID_INPUT = 1
/** Wrong command line: unknown command or option, missing argument. */
export const EXIT_USAGE = 2
/** `reconcile`: a provider report could not be fetched (the message names the HTTP status). */
export const EXIT_REPORT_UNAVAILABLE = 3
/** `reconcile --fail-on-mismatch`: a final group is not within tolerance. */
export const EXIT_MISMATCH = 4
/** A file could not be written or opened by the system (a missing output directory, no permission, a full disk). */
export const EXIT_FILE_SYSTEM = 5
/** An unexpected failure inside `finops-ai` (a bug: please report it with the command line). */
export const EXIT_UNEXPECTED = 70

/** A wrong command line; `finops-ai` prints the message and the command's usage and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** Invalid input; `finops-ai` prints the message and exits 1. */
export class InputError extends Error {
  override readonly name = 'InputError'
}
