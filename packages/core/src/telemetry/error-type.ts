import { ERROR_TYPE_VALUE_OTHER } from '@opentelemetry/semantic-conventions'

/**
 * The `error.type` of a failed call, low-cardinality as the GenAI conventions ask:
 * - the HTTP status code as a string (`'429'`, `'500'`) when the error has a numeric `status`
 *   (the provider SDKs' `APIError`s);
 * - else the error's `name` when it is more specific than `Error` (`AbortError`, `TimeoutError`);
 * - else its class name (`APIConnectionError`, `TypeError`);
 * - else `_OTHER` (a thrown non-object, an anonymous class).
 */
export function errorType(error: unknown): string {
  if (typeof error !== 'object' || error === null) return ERROR_TYPE_VALUE_OTHER
  const { status, name } = error as { status?: unknown; name?: unknown }
  if (typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599) return String(status)
  if (typeof name === 'string' && name !== '' && name !== 'Error') return name
  const className = (error as { constructor?: { name?: unknown } }).constructor?.name
  if (typeof className === 'string' && className !== '' && className !== 'Object') return className
  return ERROR_TYPE_VALUE_OTHER
}
