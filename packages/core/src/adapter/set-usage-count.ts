import type { NormalizedUsage } from '../usage/normalized-usage.js'
import { numberField } from './json-fields.js'

/**
 * Sets `usage[key]` to `value` when it is a positive number; zero, `null` and absent counts leave
 * the key unset, so a span carries only the counts a response really had.
 */
export function setUsageCount(usage: NormalizedUsage, key: keyof NormalizedUsage, value: unknown): void {
  const count = numberField(value)
  if (count !== undefined && count > 0) usage[key] = count
}
