import { diag } from '@opentelemetry/api'

/**
 * Runs bookkeeping that must never break the host call: a throw (or a rejected promise) is logged
 * through OTel `diag` and swallowed.
 */
export function safely(what: string, work: () => unknown): void {
  try {
    const result = work()
    if (result instanceof Promise) result.catch((error: unknown) => diag.error(`finops-ai: ${what} failed`, error))
  } catch (error) {
    diag.error(`finops-ai: ${what} failed`, error)
  }
}
