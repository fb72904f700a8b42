import { AsyncLocalStorage } from 'node:async_hooks'
import type { Attribution } from './attribution.js'
import { validateAttribution } from './validate-attribution.js'

const storageKey = Symbol.for('@finops-ai/core/attribution-scope')
type GlobalWithScope = typeof globalThis & { [storageKey]?: AsyncLocalStorage<Readonly<Attribution>> }

// One storage per process, shared by every copy of this package (ESM and CJS builds side by side).
const storage = ((globalThis as GlobalWithScope)[storageKey] ??= new AsyncLocalStorage<Readonly<Attribution>>())

/**
 * Runs `fn` with `attribution` attached to every model call made inside it, across `await`,
 * timers and `Promise.all`. Nested scopes merge: the inner scope's values win per key.
 * Returns what `fn` returns (a promise stays a promise).
 *
 * @throws ConfigError when a key or value is invalid (see `validateAttribution`).
 * @example
 * await withAttribution({ user: 'k.herings', feature: 'support-rag' }, () =>
 *   openai.chat.completions.create({ model: 'gpt-4o', messages }))
 */
export function withAttribution<T>(attribution: Attribution, fn: () => T): T {
  const values = validateAttribution(attribution, 'withAttribution')
  const outer = storage.getStore()
  return storage.run(outer ? Object.freeze({ ...outer, ...values }) : values, fn)
}

/** The attribution of the innermost {@link withAttribution} scope, or `undefined` outside any scope. */
export function currentAttribution(): Readonly<Attribution> | undefined {
  return storage.getStore()
}
