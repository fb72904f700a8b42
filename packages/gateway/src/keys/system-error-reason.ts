/**
 * A Node.js system error in words, e.g. `no such file or directory (ENOENT)` for
 * `ENOENT: no such file or directory, open 'keys.yaml'` (the caller names the file); the message
 * of any other error.
 */
export function systemErrorReason(error: unknown): string {
  const { code, message } = error as Partial<NodeJS.ErrnoException>
  if (typeof message !== 'string') return String(error)
  if (typeof code !== 'string') return message
  return `${message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')} (${code})`
}
