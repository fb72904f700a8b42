import { context } from '@opentelemetry/api'
import type { CallHandle } from '@finops-ai/core'

/**
 * Sends an admitted call inside its span's context, so spans and headers the provider creates
 * nest under it. A failure (provider error, abort, a throwing model factory) fails the call and
 * reaches the caller unchanged.
 */
export async function sendAdmitted<Result>(handle: CallHandle, send: () => PromiseLike<Result>): Promise<Result> {
  try {
    return await context.with(handle.context, send)
  } catch (error) {
    handle.fail(error)
    throw error
  }
}
