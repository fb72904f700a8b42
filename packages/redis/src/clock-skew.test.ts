import { callPathOf, createFinOps, LimitExceededError, type PolicyConfig } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { useRedisServer } from './redis-fixture.js'
import { redisServerSkipReason } from './testing/redis-server-process.js'
import { redisStore } from './redis-store.js'

const skip = redisServerSkipReason()
const day = 86_400_000

const policies: PolicyConfig[] = [{ key: 'shared', limits: { requests_per_minute: 10, budget: { period: 'monthly', hard_limit_usd: 100 } } }]
const request = { provider: 'openai', operation: 'chat' as const, model: 'test-model', stream: false, maxOutputTokens: 10, estimatedInputTokens: 10 }

describe.skipIf(skip !== undefined)('redis store clock', () => {
  const redis = useRedisServer()

  it('lets processes with clocks 45 days apart share one window and one budget period', async () => {
    const engine = (skewMs: number) =>
      createFinOps({
        store: redisStore({ client: redis.client, prefix: 'skew', timeoutMs: 2_000 }),
        policies,
        prices: { 'test-model': { input: 1, output: 1 } },
        clock: () => Date.now() + skewMs,
        onStoreError: 'fail-closed',
      })
    const behind = engine(-45 * day)
    const ahead = engine(45 * day)
    const outcomes: string[] = []
    for (let call = 0; call < 12; call++) {
      const finops = call % 2 === 0 ? behind : ahead
      try {
        const handle = await callPathOf(finops).begin(request)
        handle.succeed({ usage: { inputTokens: 1_000, outputTokens: 0 } })
        outcomes.push('allowed')
      } catch (error) {
        outcomes.push(error instanceof LimitExceededError ? error.reason : String(error))
      }
    }
    await Promise.all([behind.flush(), ahead.flush()])
    // One rolling window: 10 requests per minute across both processes, not 10 each.
    expect(outcomes.filter((outcome) => outcome === 'allowed')).toHaveLength(10)
    expect(outcomes.slice(10)).toEqual(['requests_per_minute', 'requests_per_minute'])
    // One budget period, the server's: both see the same month and the same spend.
    const [seenBehind, seenAhead] = await Promise.all([behind.spend({ policy: 'shared' }), ahead.spend({ policy: 'shared' })])
    expect(seenBehind).toEqual(seenAhead)
    const [seconds] = await redis.client.time()
    const serverNow = new Date(Number(seconds) * 1000)
    expect(seenAhead.period.start).toEqual(new Date(Date.UTC(serverNow.getUTCFullYear(), serverNow.getUTCMonth(), 1)))
    expect(seenAhead.spent).toBeCloseTo(10 * 1_000 / 1e6, 12)
  })
})
