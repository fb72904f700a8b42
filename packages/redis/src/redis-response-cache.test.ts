import { ConfigError, type CachedResponse } from '@finops-ai/core'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nodeRedisVersions } from './clients/node-redis-test-clients.js'
import { watchKeyExpiry } from './key-expiry-events.js'
import { useRedisServer } from './redis-fixture.js'
import { redisResponseCache } from './redis-response-cache.js'
import type { RedisScriptClient } from './redis-script-client.js'
import { RedisStoreError } from './redis-store-error.js'
import { connectTestClient } from './redis-test-client.js'
import { redisServerSkipReason } from './testing/redis-server-process.js'

const response: CachedResponse = {
  status: 200,
  headers: { 'content-type': 'text/event-stream', 'x-request-id': 'req_1' },
  body: 'data: {"choices":[{"delta":{"content":"Grüße"}}]}\n\ndata: [DONE]\n\n',
  storedAt: '2026-12-03T10:00:00.000Z',
}

async function rejectionOf(operation: Promise<unknown>): Promise<unknown> {
  return operation.then(
    () => expect.unreachable('a rejection'),
    (error: unknown) => error,
  )
}

describe('redisResponseCache options', () => {
  const adapter: RedisScriptClient = { evalsha: async () => null, eval: async () => null }

  it('refuses an empty or non-string prefix and a timeoutMs that is not positive, naming the option', () => {
    expect(() => redisResponseCache({ client: adapter, prefix: '' })).toThrow('redisResponseCache.prefix: expected a non-empty string, got ""')
    expect(() => redisResponseCache({ client: adapter, prefix: 7 as unknown as string })).toThrow(ConfigError)
    expect(() => redisResponseCache({ client: adapter, timeoutMs: 0 })).toThrow('redisResponseCache.timeoutMs: expected a positive number of ms, got 0')
  })

  it('refuses a client it cannot use with a ConfigError at redisResponseCache.client', () => {
    expect(() => redisResponseCache({ client: 'redis://127.0.0.1' as unknown as RedisScriptClient })).toThrow(
      expect.objectContaining({ path: 'redisResponseCache.client' }),
    )
  })
})

const skip = redisServerSkipReason()

describe.skipIf(skip !== undefined)('redisResponseCache on a real redis-server', () => {
  const redis = useRedisServer()
  let other: Redis
  beforeAll(async () => {
    other = await connectTestClient(redis.server.port)
  })
  afterAll(() => other.disconnect())

  it('returns what was set, from another connection too, stored as JSON under finops:cache:<key>', async () => {
    await redisResponseCache({ client: redis.client }).set('round-trip', response, 60_000)
    expect(await redisResponseCache({ client: other }).get('round-trip')).toEqual(response)
    expect(JSON.parse((await redis.client.get('finops:cache:round-trip'))!)).toEqual(response)
  })

  it('answers undefined for a key never set', async () => {
    expect(await redisResponseCache({ client: redis.client }).get('never-set')).toBeUndefined()
  })

  it('keeps entries of different prefixes apart', async () => {
    await redisResponseCache({ client: redis.client, prefix: 'tenant-a:' }).set('same-key', response, 60_000)
    expect(await redisResponseCache({ client: redis.client, prefix: 'tenant-b:' }).get('same-key')).toBeUndefined()
    expect(await redisResponseCache({ client: redis.client, prefix: 'tenant-a:' }).get('same-key')).toEqual(response)
  })

  it('sets the entry to expire after ttlMs (SET … PX), rounding a fraction up', async () => {
    const cache = redisResponseCache({ client: redis.client })
    await cache.set('ttl', response, 3_600_000)
    const ttl = await redis.client.pttl('finops:cache:ttl')
    expect(ttl).toBeGreaterThan(3_500_000)
    expect(ttl).toBeLessThanOrEqual(3_600_000)
    await cache.set('ttl', response, 1_000.2)
    expect(await redis.client.pttl('finops:cache:ttl')).toBeLessThanOrEqual(1_001)
  })

  it('forgets an entry once its ttlMs ended', async () => {
    const cache = redisResponseCache({ client: redis.client })
    const expiry = await watchKeyExpiry(redis.client, redis.server.port)
    try {
      await cache.set('short-lived', response, 20)
      await expiry.expired('finops:cache:short-lived')
      expect(await cache.get('short-lived')).toBeUndefined()
    } finally {
      await expiry.close()
    }
  })

  it('rejects a ttlMs that is not a positive number and stores nothing', async () => {
    const cache = redisResponseCache({ client: redis.client })
    for (const ttlMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(await rejectionOf(cache.set('bad-ttl', response, ttlMs))).toBeInstanceOf(RangeError)
    }
    expect(await redis.client.exists('finops:cache:bad-ttl')).toBe(0)
  })

  it("rejects an entry that is not JSON with failure 'reply'", async () => {
    await redis.client.set('finops:cache:garbage', '{not json')
    expect(await rejectionOf(redisResponseCache({ client: redis.client }).get('garbage'))).toMatchObject({ operation: 'get', failure: 'reply' })
  })

  it("rejects with failure 'timeout' when Redis does not answer within timeoutMs", async () => {
    const cache = redisResponseCache({ client: other, timeoutMs: 200 })
    redis.server.pause()
    try {
      const error = await rejectionOf(cache.get('any'))
      expect(error).toBeInstanceOf(RedisStoreError)
      expect(error).toMatchObject({ operation: 'get', failure: 'timeout' })
    } finally {
      redis.server.resume()
    }
  })

  for (const version of nodeRedisVersions) {
    it(`shares entries between an ioredis cache and a ${version.name} cache`, async () => {
      const connected = await version.connect(redis.server.port)
      try {
        const nodeRedisCache = redisResponseCache({ client: connected.client, prefix: `${version.name}:` })
        await nodeRedisCache.set('shared', response, 60_000)
        expect(await redisResponseCache({ client: redis.client, prefix: `${version.name}:` }).get('shared')).toEqual(response)
        expect(await nodeRedisCache.get('missing')).toBeUndefined()
      } finally {
        await connected.close()
      }
    })
  }
})
