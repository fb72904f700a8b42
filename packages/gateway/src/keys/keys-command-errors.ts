import { ConfigError } from '@finops-ai/core'
import { systemErrorReason } from './system-error-reason.js'

/** A wrong command line: `keys` prints the message on one line and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** The keys file cannot be read, is invalid, or cannot be written: `keys` prints each line and exits 3. */
export class KeysFileError extends Error {
  override readonly name = 'KeysFileError'

  constructor(readonly lines: readonly string[]) {
    super(lines.join('; '))
  }
}

const isSystemError = (error: unknown): boolean => error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string'

/**
 * Runs `action` on the keys file `file`, turning its `ConfigError` (one line per problem, prefixed
 * with the file) and system errors (`cannot write keys.yaml: permission denied (EACCES)`, naming
 * the keys file rather than a temporary one) into a {@link KeysFileError}.
 */
export function usingKeysFile<T>(file: string, action: () => T): T {
  try {
    return action()
  } catch (error) {
    if (ConfigError.isInstance(error)) {
      throw new KeysFileError(error.issues.map((issue) => (issue.path === '' ? issue.detail : `${file}: ${issue.path}: ${issue.detail}`)))
    }
    if (isSystemError(error)) throw new KeysFileError([`cannot write ${file}: ${systemErrorReason(error)}`])
    throw error
  }
}
