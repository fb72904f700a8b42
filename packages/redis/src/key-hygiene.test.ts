import { callPathOf, createFinOps, withAttribution, type CounterRequest } from '@finops-ai/core'
import type { Redis } from 'ioredis'
import { describe, expect, it } from 'vitest'
import { useRedisServer } from './redis-fixture.js'
import { redisServerSkipReason } from './testing/redis-server-process.js'
import { redisStore } from './redis-store.js'

const skip = redisServerSkipReason()

// Values that would collide or inject under naive `prefix:key` joining.
const users = ['a:b', 'a', 'a:b:budget', '{finops}', '{', '}', 'x}{y', 'é', 'e\u0301', '日本語', '🙂', '%003a', 'a'.repeat(256), 'a'.repeat(255) + 'b']

async function allKeys(client: Redis): Promise<string[]> {
  const keys: string[] = []
  let cursor = '0'
  do {
    const [next, batch] = await client.scan(cursor, 'COUNT', 1000)
    cursor = next
    keys.push(...batch)
  } while (cursor !== '0')
  return keys
}

describe.skipIf(skip !== undefined)('redis store keys', () => {
  const redis = useRedisServer()

  it('keeps counters of attribution values with :, {, }, unicode and 256 characters apart', async () => {
    await redis.client.flushall()
    const finops = createFinOps({
      store: redisStore({ client: redis.client, prefix: 'escape', timeoutMs: 2_000 }),
      policies: [{ key: 'per-user', per: 'user', limits: { requests_per_minute: 10, budget: { period: 'monthly', hard_limit_usd: 10 } } }],
      prices: { 'test-model': { input: 1, output: 1 } },
      onStoreError: 'fail-closed',
    })
    const path = callPathOf(finops)
    for (const [index, user] of users.entries()) {
      const handle = await withAttribution({ user }, () => path.begin({ provider: 'openai', operation: 'chat', model: 'test-model', stream: false, maxOutputTokens: 10, estimatedInputTokens: 10 }))
      handle.succeed({ usage: { inputTokens: index + 1, outputTokens: 0 } })
    }
    await finops.flush()
    for (const [index, user] of users.entries()) {
      // $1 per 1M tokens: (index + 1) tokens cost (index + 1) µUSD.
      expect((await finops.spend({ policy: 'per-user', key: user })).spent).toBeCloseTo((index + 1) / 1e6, 12)
    }
    const keys = await allKeys(redis.client)
    expect(keys.every((key) => key.startsWith('{escape}:'))).toBe(true)
    expect(keys.filter((key) => key.startsWith('{escape}:b:'))).toHaveLength(users.length)
  })

  it('gives every key it writes a TTL', async () => {
    await redis.client.flushall()
    let now = Date.UTC(2024, 0, 31, 23, 59, 30)
    const store = redisStore({ client: redis.client, prefix: 'ttl', timeoutMs: 2_000, clock: () => now })
    const counters: CounterRequest[] = [
      { kind: 'window', key: 'w', measure: 'tokens', amount: 50, limit: 1_000, windowMs: 60_000, bucketMs: 1_000 },
      { kind: 'concurrency', key: 'c', limit: 10 },
      { kind: 'budget', key: 'b', period: 'monthly', amount: 500, hardLimit: 10_000, softLimit: 100 },
      { kind: 'budget', key: 't', period: 'total', amount: 500 },
      { kind: 'breaker', key: 'k', amount: 500, limit: 1_500, cooldownMs: 30_000, windowMs: 60_000, bucketMs: 1_000 },
    ]
    await store.reserve({ id: 'settled', counters })
    await store.settle({ id: 'settled', tokens: 40, costNanos: 700 })
    await store.reserve({ id: 'in-flight', counters }) // leaves a record and leases behind
    await store.reserve({ id: 'trips', counters }) // the breaker opens: a state hash
    now += 60_000 // next month: the budget period rolls
    await store.read({ counters: [{ kind: 'budget', key: 'b', period: 'monthly' }] })
    await store.reserve({ id: 'rolled', counters: counters.slice(2, 3) })

    const keys = await allKeys(redis.client)
    expect(keys.sort()).toEqual(['{ttl}:b:b', '{ttl}:b:t', '{ttl}:bl:b', '{ttl}:bl:t', '{ttl}:c:c', '{ttl}:k:k', '{ttl}:ks:k', '{ttl}:r:in-flight', '{ttl}:r:rolled', '{ttl}:w:w'])
    const ttls = Object.fromEntries(await Promise.all(keys.map(async (key) => [key, await redis.client.pttl(key)] as const)))
    for (const [key, ttl] of Object.entries(ttls)) expect(ttl, key).toBeGreaterThan(0)
    expect(ttls['{ttl}:w:w']).toBeLessThanOrEqual(121_000) // window + bucket + 1 min
    expect(ttls['{ttl}:r:in-flight']).toBeLessThanOrEqual(900_000 + 3_600_000) // lease + 1 h
  })
})
