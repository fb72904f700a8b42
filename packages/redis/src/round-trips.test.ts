import { callPathOf, createFinOps, type PolicyConfig } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { useRedisServer } from './redis-fixture.js'
import { redisServerSkipReason } from './testing/redis-server-process.js'
import { redisStore } from './redis-store.js'
import { commandCalls } from './redis-test-client.js'

const skip = redisServerSkipReason()

// Eight policies matching every call, each with all five counters: 40 counters per call.
const policies: PolicyConfig[] = Array.from({ length: 8 }, (_, index) => ({
  key: `policy-${index}`,
  per: 'user',
  limits: {
    requests_per_minute: 1_000,
    tokens_per_minute: 10_000_000,
    max_concurrent: 100,
    budget: { period: index % 2 === 0 ? 'monthly' : 'daily', hard_limit_usd: 1_000, soft_limit_usd: 900 },
    circuit_breaker: { cost_velocity_usd_per_min: 100, cooldown: '1m' },
  },
}))

const request = {
  provider: 'openai',
  operation: 'chat' as const,
  model: 'gpt-4o',
  stream: false,
  maxOutputTokens: 100,
  estimatedInputTokens: 1_000,
  clientAttribution: { user: 'u:1' },
}
const usage = { inputTokens: 900, outputTokens: 50 }

describe.skipIf(skip !== undefined)('redis store round trips', () => {
  const redis = useRedisServer()

  it('reserves in one round trip and settles in one for a call matching 8 policies', async () => {
    const finops = createFinOps({ store: redisStore({ client: redis.client, timeoutMs: 2_000 }), policies, onStoreError: 'fail-closed' })
    const path = callPathOf(finops)
    const warm = await path.begin(request) // loads the scripts (EVALSHA → NOSCRIPT → EVAL)
    warm.succeed({ usage })
    await finops.flush()

    const before = await commandCalls(redis.client)
    const handle = await path.begin(request)
    const reserved = await commandCalls(redis.client)
    handle.succeed({ usage })
    await finops.flush()
    const settled = await commandCalls(redis.client)

    const scripts = (calls: Record<string, number>) => (calls.evalsha ?? 0) + (calls.eval ?? 0)
    expect(scripts(reserved) - scripts(before)).toBe(1)
    expect(scripts(settled) - scripts(reserved)).toBe(1)
    expect(settled.evalsha! - before.evalsha!).toBe(2) // by SHA1: the sources were not sent again
    // Both calls went through all 8 policies' budgets.
    for (let index = 0; index < 8; index++) {
      const spend = await finops.spend({ policy: `policy-${index}`, key: 'u:1' })
      expect(spend.reserved).toBe(0)
      expect(spend.spent).toBeCloseTo(2 * (900 * 2.5 + 50 * 10) / 1e6, 9)
    }
  })
})
