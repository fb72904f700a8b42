import type { CounterRequest } from '@finops-ai/core'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from './testing/redis-server-process.js'
import { RedisStoreError } from './redis-store-error.js'
import { redisStore } from './redis-store.js'
import { connectTestClient } from './redis-test-client.js'

const skip = redisServerSkipReason()
const t0 = Date.UTC(2024, 0, 1, 10)

describe.skipIf(skip !== undefined)('redis store: a reserve that failed on the caller side never holds anything', () => {
  let server: RedisServerProcess
  let client: Redis
  beforeAll(async () => {
    server = await startRedisServer()
    client = await connectTestClient(server.port)
  })
  afterAll(async () => {
    server.resume()
    client.disconnect()
    await server.stop()
  })

  const counters: CounterRequest[] = [
    { kind: 'concurrency', key: 'c', limit: 10 },
    { kind: 'budget', key: 'b', period: 'monthly', amount: 800, hardLimit: 1_000_000 },
  ]
  const read = [
    { kind: 'concurrency', key: 'c' },
    { kind: 'budget', key: 'b', period: 'monthly' },
  ] as const

  it('releases a reserve that timed out but ran later, and refuses its re-send', async () => {
    const store = redisStore({ client, prefix: 'late-reserve', timeoutMs: 50, clock: Date.now })
    await store.ready() // connected and scripts loaded: the reserve below is sent at once
    // Frozen server: the reserve is on the wire, the store gives up at 50 ms; the server runs it on resume.
    server.pause()
    const late = await store.reserve({ id: 'late', now: t0, counters }).catch((error: unknown) => error)
    expect(late).toBeInstanceOf(RedisStoreError)
    expect(late).toMatchObject({ operation: 'reserve', failure: 'timeout' })
    server.resume()
    // Same connection, so this read runs after the late reserve and the store's cancel of it.
    const patient = redisStore({ client, prefix: 'late-reserve', timeoutMs: 5_000, clock: Date.now })
    expect(await patient.read({ now: t0, counters: read })).toMatchObject([{ inFlight: 0 }, { spent: 0, reserved: 0 }])
    // A client re-sending the reserve after a reconnect or a failover finds the tombstone.
    await expect(patient.reserve({ id: 'late', now: t0, counters })).rejects.toMatchObject({ operation: 'reserve', failure: 'reply' })
    expect(await patient.settle({ id: 'late', now: t0, tokens: 0, costNanos: 0 })).toEqual({ settled: false, counters: [] })
    expect(await patient.read({ now: t0, counters: read })).toMatchObject([{ inFlight: 0 }, { spent: 0, reserved: 0 }])
  })
})
