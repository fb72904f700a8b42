import type { CounterRequest } from '@finops-ai/core'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from './testing/redis-server-process.js'
import { redisStore } from './redis-store.js'
import { connectTestClient } from './redis-test-client.js'

const skip = redisServerSkipReason()
const t0 = Date.UTC(2024, 0, 1, 10)

describe.skipIf(skip !== undefined)('redis store reservation leases', () => {
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

  const counters: CounterRequest[] = [
    { kind: 'concurrency', key: 'c', limit: 1 },
    { kind: 'budget', key: 'b', period: 'monthly', amount: 800, hardLimit: 1_000 },
  ]
  const read = [
    { kind: 'concurrency', key: 'c' },
    { kind: 'budget', key: 'b', period: 'monthly' },
  ] as const

  it('frees the slot and refunds the money of a reservation never settled once its lease ends', async () => {
    const store = redisStore({ client, prefix: 'lease-expiry', timeoutMs: 2_000, reservationTtlMs: 5_000, clock: Date.now })
    await store.reserve({ id: 'lost', now: t0, counters })
    expect(await store.reserve({ id: 'blocked', now: t0 + 4_999, counters })).toMatchObject({ allowed: false, index: 0 })
    expect(await store.read({ now: t0 + 5_000, counters: read })).toMatchObject([{ inFlight: 0 }, { spent: 0, reserved: 0 }])
    expect(await store.reserve({ id: 'after', now: t0 + 5_000, counters })).toMatchObject({ allowed: true })
  })

  it('still charges a late settlement its actual cost, without refunding the lease twice', async () => {
    const store = redisStore({ client, prefix: 'lease-late', timeoutMs: 2_000, reservationTtlMs: 5_000, clock: Date.now })
    await store.reserve({ id: 'slow', now: t0, counters })
    await store.read({ now: t0 + 6_000, counters: read }) // the lease ended: money refunded
    expect(await store.settle({ id: 'slow', now: t0 + 7_000, tokens: 0, costNanos: 300 })).toMatchObject({
      settled: true,
      counters: [{ kind: 'concurrency', inFlight: 0 }, { kind: 'budget', spent: 300, reserved: 0 }],
    })
  })

  it('admits a new breaker probe when the previous probe never settled', async () => {
    const store = redisStore({ client, prefix: 'lease-probe', timeoutMs: 2_000, reservationTtlMs: 5_000, clock: Date.now })
    const breaker = (amount: number): CounterRequest[] => [{ kind: 'breaker', key: 'k', amount, limit: 1_000, cooldownMs: 1_000, windowMs: 60_000, bucketMs: 1_000 }]
    expect(await store.reserve({ id: 'trip', now: t0, counters: breaker(2_000) })).toMatchObject({ allowed: false, opened: { until: t0 + 1_000 } })
    expect(await store.reserve({ id: 'probe', now: t0 + 1_000, counters: breaker(1) })).toMatchObject({ allowed: true, counters: [{ probe: true }] })
    expect(await store.reserve({ id: 'waits', now: t0 + 5_999, counters: breaker(1) })).toMatchObject({ allowed: false })
    expect(await store.reserve({ id: 'next-probe', now: t0 + 6_000, counters: breaker(1) })).toMatchObject({ allowed: true, counters: [{ probe: true }] })
  })
})
