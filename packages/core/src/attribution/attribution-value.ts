import type { Attribution } from './attribution.js'

/**
 * The value of `key` in `attribution`, or `undefined` when unset or empty. Only own keys count:
 * `constructor`, `toString` and the like never read through to `Object.prototype`.
 */
export function attributionValue(attribution: Attribution, key: string): string | undefined {
  if (!Object.hasOwn(attribution, key)) return undefined
  const value = attribution[key]
  return value === '' ? undefined : value
}
