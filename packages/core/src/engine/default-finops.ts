import { createFinOps, type FinOps } from './create-finops.js'

const defaultKey = Symbol.for('@finops-ai/core/default-finops')
type GlobalWithDefault = typeof globalThis & { [defaultKey]?: FinOps }

/**
 * The process-wide engine that `withFinOps(client)` uses when given no `finops`: `createFinOps()`
 * configured from the environment (`FINOPS_POLICY_FILE`, `FINOPS_ATTRIBUTION`, `FINOPS_CURRENCY`,
 * `FINOPS_EXCHANGE_RATES`) and from the policy file's `currency:` and `exchange_rates:`, created on
 * first use and shared by every copy of this package.
 */
export function defaultFinOps(): FinOps {
  return ((globalThis as GlobalWithDefault)[defaultKey] ??= createFinOps())
}
