import { diag } from '@opentelemetry/api'
import { FinOpsError } from '../errors/finops-error.js'
import { deferAPIPromise } from './defer-api-promise.js'
import type { StainlessAPIPromise, StainlessAPIPromiseClass } from './stainless-api-promise.js'

/** What {@link sendAfterAdmission} needs. */
export interface SendAfterAdmissionOptions<T> {
  /** The check, e.g. `BilledUsagePath.admitSubmission`: returns, throws, or returns a promise that resolves or rejects. */
  admit(): void | Promise<void>
  /** Sends the original SDK call. */
  send(): StainlessAPIPromise<T>
  /** The SDK's own `APIPromise` class. */
  APIPromise: StainlessAPIPromiseClass
  /** The client the promise belongs to. */
  client: unknown
}

/**
 * An SDK call sent only once `admit` allows it: at once when `admit` returns, after its promise
 * resolves otherwise. A `FinOpsError` from `admit` (a denial) fails the returned `APIPromise`
 * (every way of reading it) and nothing is sent; any other error is logged through OTel `diag`
 * and the call is sent, since bookkeeping never breaks the host call.
 */
export function sendAfterAdmission<T>(options: SendAfterAdmissionOptions<T>): StainlessAPIPromise<T> {
  let admitted: void | Promise<void>
  try {
    admitted = options.admit()
  } catch (error) {
    if (FinOpsError.isInstance(error)) return deferAPIPromise<T>({ APIPromise: options.APIPromise, client: options.client, start: Promise.reject(error) })
    diag.error('finops-ai: admitting a submission failed; sending it unchecked', error)
    return options.send()
  }
  if (!(admitted instanceof Promise)) return options.send()
  const start = admitted.then(
    () => ({ call: options.send() }),
    (error: unknown) => {
      if (FinOpsError.isInstance(error)) throw error
      diag.error('finops-ai: admitting a submission failed; sending it unchecked', error)
      return { call: options.send() }
    },
  )
  return deferAPIPromise<T>({ APIPromise: options.APIPromise, client: options.client, start })
}
