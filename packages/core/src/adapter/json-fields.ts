/**
 * Readers for fields of provider JSON (request parameters, response bodies, stream events) whose
 * shape the adapters cannot trust: each returns the value when it has the expected type, else
 * `undefined`. No copies, no throws.
 */

/** `value` when it is a finite number. */
export function numberField(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** `value` when it is a non-empty string. */
export function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** `value` when it is a (non-array) object. */
export function objectField(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}
