import { closestName } from '../errors/closest-name.js'
import { ConfigError } from '../errors/config-error.js'
import type { FinOpsOptions } from './finops-options.js'

/**
 * Every key of {@link FinOpsOptions}. `satisfies` makes the build fail when an option is added to
 * the interface but not here (or listed here but not there), so the check below never rejects a
 * real option.
 */
const optionKeys = {
  store: true,
  policies: true,
  currency: true,
  exchangeRates: true,
  attribution: true,
  prices: true,
  serviceTiers: true,
  models: true,
  priceData: true,
  unknownPrice: true,
  onEvent: true,
  onUsage: true,
  tracerProvider: true,
  captureContent: true,
  meterProvider: true,
  loggerProvider: true,
  attributeNames: true,
  estimate: true,
  onStoreError: true,
  clock: true,
  cache: true,
} as const satisfies Record<keyof FinOpsOptions, true>

/** The option names `createFinOps` accepts. */
export const FINOPS_OPTION_KEYS: readonly string[] = Object.freeze(Object.keys(optionKeys))

/**
 * Throws a {@link ConfigError} naming every key of `options` that `createFinOps` does not know, with
 * a "did you mean" (`curency` → `currency`): plain JavaScript would otherwise ignore a misspelled
 * option silently.
 */
export function checkOptionKeys(options: object): void {
  const unknown = Object.keys(options).filter((key) => !Object.hasOwn(optionKeys, key))
  if (unknown.length === 0) return
  throw new ConfigError(
    unknown.map((key) => {
      const suggestion = closestName(key, FINOPS_OPTION_KEYS)
      return { path: key, detail: `unknown option${suggestion === undefined ? '' : `; did you mean '${suggestion}'?`}` }
    }),
  )
}
