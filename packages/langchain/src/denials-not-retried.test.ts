import { LimitExceededError, MissingAttributionError } from '@finops-ai/core'
import { AsyncCaller } from '@langchain/core/utils/async_caller'
import { describe, expect, it } from 'vitest'
import { denialsNotRetried } from './denials-not-retried.js'

const denial = () => new LimitExceededError({ reason: 'requests_per_minute', policy: 'per-user', limit: 3, current: 3, retryAfterMs: 40_000 })

/** Runs `fail` through LangChain's real caller (default `maxRetries: 6` unless given) and counts the attempts. */
async function attempts(fields: ConstructorParameters<typeof AsyncCaller>[0], fail: () => Error): Promise<{ calls: number; error: unknown }> {
  let calls = 0
  const error = await new AsyncCaller(fields)
    .call(async () => {
      calls += 1
      throw fail()
    })
    .catch((caught: unknown) => caught)
  return { calls, error }
}

describe('denialsNotRetried', () => {
  it("needs nothing with LangChain's default handler: finops-ai errors carry its not-retryable mark", async () => {
    const fields = {}
    expect(denialsNotRetried(fields)).toBe(fields)
    const limited = await attempts(fields, denial)
    expect(limited.calls).toBe(1)
    expect(LimitExceededError.isInstance(limited.error)).toBe(true)
    const unattributed = await attempts(fields, () => new MissingAttributionError(['team']))
    expect(unattributed.calls).toBe(1)
  })

  it("rethrows a denial before a custom handler that would retry it, so it is attempted once", async () => {
    const seen: unknown[] = []
    const { calls, error } = await attempts(denialsNotRetried({ onFailedAttempt: (failure: unknown) => void seen.push(failure) }), denial)
    expect(calls).toBe(1)
    expect(LimitExceededError.isInstance(error)).toBe(true)
    expect(seen).toEqual([])
  })

  it("hands every other error to the custom handler", async () => {
    const seen: unknown[] = []
    const failure = new Error('socket hang up')
    const { error } = await attempts(denialsNotRetried({ maxRetries: 0, onFailedAttempt: (caught: unknown) => void seen.push(caught) }), () => failure)
    expect(error).toBe(failure)
    expect(seen).toEqual([failure])
  })
})
