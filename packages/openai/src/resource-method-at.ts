import type { StainlessAPIPromise } from '@finops-ai/core'
import type { RequestBody } from './operation-request.js'

/** An SDK resource method that returns an `APIPromise` (`create`, `generate`, `edit`, ...). */
export type SDKMethod = (this: unknown, body: RequestBody, options?: unknown) => StainlessAPIPromise<unknown>

/**
 * The resource object at `names` under `client` (e.g. `['audio', 'speech']`) when it has a
 * function named `method`, else `undefined` (an SDK version without that resource or method).
 */
export function resourceMethodAt(client: object, names: readonly string[], method: string): Record<string, unknown> | undefined {
  let value: unknown = client
  for (const name of names) value = (value as Record<string, unknown> | undefined)?.[name]
  const resource = value as Record<string, unknown> | undefined
  return typeof resource?.[method] === 'function' ? resource : undefined
}
