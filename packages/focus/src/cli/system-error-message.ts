/** A Node.js system error (`ENOENT`, `EACCES`, ...) as thrown by `node:fs`. */
interface SystemError extends Error {
  code: string
  syscall: string
  path?: string
}

function isSystemError(error: unknown): error is SystemError {
  return error instanceof Error && typeof (error as Partial<SystemError>).code === 'string' && typeof (error as Partial<SystemError>).syscall === 'string'
}

/**
 * One line for a Node.js system error, e.g. `cannot write /no/dir/r.html: no such file or directory (ENOENT)`;
 * `undefined` when `error` is not one. The operation is named from the syscall (`open` counts as a write:
 * the CLI's reads report their own errors).
 */
export function systemErrorMessage(error: unknown): string | undefined {
  if (!isSystemError(error)) return undefined
  const reason = error.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')
  const operation = error.syscall === 'mkdir' ? 'create directory' : error.syscall === 'read' || error.syscall === 'scandir' ? 'read' : 'write'
  return `cannot ${operation} ${error.path ?? '(unknown file)'}: ${reason} (${error.code})`
}
