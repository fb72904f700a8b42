import { ConfigError } from '@finops-ai/core'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nodeRedisVersions } from './clients/node-redis-test-clients.js'
import { watchKeyExpiry } from './key-expiry-events.js'
import { recordOutputsCommand } from './record-outputs-command.js'
import { useRedisServer } from './redis-fixture.js'
import { redisKeys } from './redis-keys.js'
import { redisStore } from './redis-store.js'
import { connectTestClient } from './redis-test-client.js'
import { redisServerSkipReason } from './testing/redis-server-process.js'

const keys = redisKeys('finops')
/** A learned key as the engine builds it: provider, model and feature joined by NUL. */
const learnedKey = 'openai\u0000gpt-4o\u0000support-rag'

describe('recordOutputsCommand', () => {
  it('sends the window, the TTL and only the counts the window can keep', () => {
    expect(recordOutputsCommand(keys, { key: learnedKey, tokens: [1, 2, 3, 4], window: 2 }, 60_000)).toEqual({
      keys: ['{finops}:o:openai%0000gpt-4o%0000support-rag'],
      args: ['2', '60000', '3', '4'],
    })
    expect(recordOutputsCommand(keys, { key: learnedKey, tokens: [], window: 200 }, 60_000).args).toEqual(['200', '60000'])
  })

  it('refuses counts that are not non-negative integers and windows that are not positive integers', () => {
    for (const tokens of [[-1], [1.5], [Number.NaN], [2 ** 53]]) {
      expect(() => recordOutputsCommand(keys, { key: 'k', tokens, window: 10 }, 60_000)).toThrow(RangeError)
    }
    for (const window of [0, -1, 2.5, Number.POSITIVE_INFINITY]) {
      expect(() => recordOutputsCommand(keys, { key: 'k', tokens: [1], window }, 60_000)).toThrow(`window must be a positive safe integer, got ${window}`)
    }
  })
})

const skip = redisServerSkipReason()

describe.skipIf(skip !== undefined)('redisStore.recordOutputs on a real redis-server', () => {
  const redis = useRedisServer()
  let other: Redis
  let stores = 0
  beforeAll(async () => {
    other = await connectTestClient(redis.server.port)
  })
  afterAll(() => other.disconnect())

  /** Two stores on one prefix, each with its own connection: two processes sharing Redis. */
  const twoProcesses = (options: { learnedOutputsTtlMs?: number } = {}) => {
    const prefix = `learned-${++stores}`
    return {
      prefix,
      first: redisStore({ client: redis.client, prefix, timeoutMs: 2_000, ...options }),
      second: redisStore({ client: other, prefix, timeoutMs: 2_000, ...options }),
      key: `{${prefix}}:o:openai%0000gpt-4o%0000support-rag`,
    }
  }

  it('shares one window between stores on different connections, oldest first', async () => {
    const { first, second } = twoProcesses()
    expect(await first.recordOutputs({ key: learnedKey, tokens: [120, 80, 95], window: 10 })).toEqual([120, 80, 95])
    expect(await second.recordOutputs({ key: learnedKey, tokens: [200], window: 10 })).toEqual([120, 80, 95, 200])
    expect(await first.recordOutputs({ key: learnedKey, tokens: [], window: 10 })).toEqual([120, 80, 95, 200])
    expect(await first.recordOutputs({ key: 'openai\u0000gpt-4o\u0000other-feature', tokens: [], window: 10 })).toEqual([])
  })

  it('keeps only the most recent window counts in Redis', async () => {
    const { first, second, key } = twoProcesses()
    for (let from = 1; from <= 21; from += 10) {
      await first.recordOutputs({ key: learnedKey, tokens: Array.from({ length: 10 }, (_, index) => from + index), window: 15 })
    }
    expect(await second.recordOutputs({ key: learnedKey, tokens: [], window: 15 })).toEqual(Array.from({ length: 15 }, (_, index) => 16 + index))
    expect(await redis.client.llen(key)).toBe(15)
    // A smaller window read returns the most recent counts only.
    expect(await second.recordOutputs({ key: learnedKey, tokens: [], window: 3 })).toEqual([28, 29, 30])
  })

  it('takes windows of thousands of counts in one call', async () => {
    const { first } = twoProcesses()
    const tokens = Array.from({ length: 12_000 }, (_, index) => index)
    const counts = await first.recordOutputs({ key: learnedKey, tokens, window: 10_000 })
    expect(counts).toHaveLength(10_000)
    expect(counts[0]).toBe(2_000)
    expect(counts.at(-1)).toBe(11_999)
  })

  it('renews the TTL (learnedOutputsTtlMs) on every write, never on a read, and creates no key for a read', async () => {
    const { first, key } = twoProcesses({ learnedOutputsTtlMs: 3_600_000 })
    await first.recordOutputs({ key: learnedKey, tokens: [], window: 10 })
    expect(await redis.client.exists(key)).toBe(0)
    await first.recordOutputs({ key: learnedKey, tokens: [5], window: 10 })
    const ttl = await redis.client.pttl(key)
    expect(ttl).toBeGreaterThan(3_500_000)
    expect(ttl).toBeLessThanOrEqual(3_600_000)
    await redis.client.pexpire(key, 600_000)
    await first.recordOutputs({ key: learnedKey, tokens: [], window: 10 })
    expect(await redis.client.pttl(key)).toBeLessThanOrEqual(600_000)
    await first.recordOutputs({ key: learnedKey, tokens: [6], window: 10 })
    expect(await redis.client.pttl(key)).toBeGreaterThan(3_500_000)
  })

  it('forgets a key idle for learnedOutputsTtlMs', async () => {
    const { first, second, key } = twoProcesses({ learnedOutputsTtlMs: 50 })
    const expiry = await watchKeyExpiry(redis.client, redis.server.port)
    try {
      await first.recordOutputs({ key: learnedKey, tokens: [7, 8], window: 10 })
      await expiry.expired(key)
      expect(await second.recordOutputs({ key: learnedKey, tokens: [], window: 10 })).toEqual([])
    } finally {
      await expiry.close()
    }
  })

  it('rejects counts that are not integers and writes nothing', async () => {
    const { first, key } = twoProcesses()
    await expect(first.recordOutputs({ key: learnedKey, tokens: [10, 1.5], window: 10 })).rejects.toThrow('tokens[1] must be a non-negative safe integer, got 1.5')
    expect(await redis.client.exists(key)).toBe(0)
  })

  it('refuses a learnedOutputsTtlMs that is not a positive integer', () => {
    for (const learnedOutputsTtlMs of [0, -5, 1.5]) {
      expect(() => redisStore({ client: redis.client, learnedOutputsTtlMs })).toThrow(ConfigError)
      expect(() => redisStore({ client: redis.client, learnedOutputsTtlMs })).toThrow(`redisStore.learnedOutputsTtlMs: expected a positive integer of ms, got ${learnedOutputsTtlMs}`)
    }
  })

  for (const version of nodeRedisVersions) {
    it(`shares one window between an ioredis store and a ${version.name} store`, async () => {
      const connected = await version.connect(redis.server.port)
      try {
        const prefix = `learned-${++stores}`
        const ioredisStore = redisStore({ client: redis.client, prefix, timeoutMs: 2_000 })
        const nodeRedisStore = redisStore({ client: connected.client, prefix, timeoutMs: 2_000 })
        await ioredisStore.recordOutputs({ key: learnedKey, tokens: [1, 2], window: 3 })
        expect(await nodeRedisStore.recordOutputs({ key: learnedKey, tokens: [3, 4], window: 3 })).toEqual([2, 3, 4])
      } finally {
        await connected.close()
      }
    })
  }
})
