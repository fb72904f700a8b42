import type { CounterRequest } from '@finops-ai/core'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from './testing/redis-server-process.js'
import { redisStore } from './redis-store.js'
import { connectTestClient } from './redis-test-client.js'

const skip = redisServerSkipReason()
const t0 = Date.UTC(2024, 0, 1, 10)

describe.skipIf(skip !== undefined)('redis store: a budget lease set that was evicted or deleted', () => {
  let server: RedisServerProcess
  let client: Redis
  beforeAll(async () => {
    server = await startRedisServer()
    client = await connectTestClient(server.port)
  })
  afterAll(async () => {
    client.disconnect()
    await server.stop()
  })

  const budget = (amount: number): CounterRequest[] => [{ kind: 'budget', key: 'b', period: 'monthly', amount, hardLimit: 1_000_000 }]
  const read = [{ kind: 'budget', key: 'b', period: 'monthly' }] as const

  it('still releases each reservation once at settle, so the budget does not shrink for the period', async () => {
    const store = redisStore({ client, prefix: 'lease-loss', clock: () => t0 })
    await store.reserve({ id: 'r1', now: t0, counters: budget(1000) })
    await store.reserve({ id: 'r2', now: t0, counters: budget(1000) })
    const leaseSets = await client.keys('{lease-loss}:bl:*')
    expect(leaseSets).toHaveLength(1)
    await client.del(...leaseSets)
    expect(await store.read({ now: t0, counters: read })).toMatchObject([{ spent: 0, reserved: 2000 }])

    await store.settle({ id: 'r1', now: t0, tokens: 10, costNanos: 700 })
    await store.settle({ id: 'r2', now: t0, tokens: 10, costNanos: 300 })
    // A repeated settle finds no reservation record and changes nothing.
    await store.settle({ id: 'r2', now: t0, tokens: 10, costNanos: 300 })
    expect(await store.read({ now: t0, counters: read })).toMatchObject([{ spent: 1000, reserved: 0 }])
  })
})
