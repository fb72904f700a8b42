import { runStoreConformance } from '@finops-ai/core/testing'
import type { Cluster } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRedisCluster, type RedisClusterProcess } from './testing/redis-cluster-process.js'
import { redisServerSkipReason } from './testing/redis-server-process.js'
import { clusterClient, connectClusterClient } from './redis-cluster-test-client.js'
import { redisResponseCache } from './redis-response-cache.js'
import { redisStore } from './redis-store.js'

const skip = redisServerSkipReason()

describe.skipIf(skip !== undefined)('redisStore on a real Redis Cluster (3 masters, 3 replicas) with an ioredis Cluster', () => {
  let cluster: RedisClusterProcess
  let client: Cluster
  let stores = 0
  beforeAll(async () => {
    cluster = await startRedisCluster({ masters: 3, replicasPerMaster: 1 })
    client = await connectClusterClient(cluster.startupNodes)
  }, 60_000)
  afterAll(async () => {
    client.disconnect()
    await cluster.stop()
  })

  it('guards the first calls of a client still connecting: they wait for it within timeoutMs', async () => {
    const fresh = clusterClient(cluster.startupNodes)
    try {
      expect(fresh.status).not.toBe('ready')
      const store = redisStore({ client: fresh, prefix: 'fresh', timeoutMs: 5_000, clock: Date.now })
      const counters = [{ kind: 'concurrency', key: 'c', limit: 1 }] as const
      const first = store.reserve({ id: 'first', counters: [...counters] })
      const second = store.reserve({ id: 'second', counters: [...counters] })
      expect(await first).toMatchObject({ allowed: true })
      expect(await second).toMatchObject({ allowed: false })
      await store.ready()
      expect(fresh.status).toBe('ready')
    } finally {
      fresh.disconnect()
    }
  })

  it('shares learned outputs and cached responses between two Cluster clients', async () => {
    const second = await connectClusterClient(cluster.startupNodes)
    try {
      const key = 'openai\u0000gpt-4o\u0000rag'
      await redisStore({ client, prefix: 'learned', timeoutMs: 2_000 }).recordOutputs({ key, tokens: [10, 20], window: 3 })
      expect(await redisStore({ client: second, prefix: 'learned', timeoutMs: 2_000 }).recordOutputs({ key, tokens: [30, 40], window: 3 })).toEqual([20, 30, 40])
      // Cache entries carry no hash tag: these land in different slots, each read back through the other client.
      const response = { status: 200, headers: { 'content-type': 'application/json' }, body: '{}', storedAt: '2026-12-03T10:00:00.000Z' }
      const keys = ['a', 'b', 'c', 'd', 'e', 'f']
      for (const name of keys) await redisResponseCache({ client, timeoutMs: 2_000 }).set(name, { ...response, body: name }, 60_000)
      const slots = new Set(await Promise.all(keys.map((name) => client.cluster('KEYSLOT', `finops:cache:${name}`))))
      expect(slots.size).toBe(keys.length)
      const read = redisResponseCache({ client: second, timeoutMs: 2_000 })
      for (const name of keys) expect(await read.get(name)).toEqual({ ...response, body: name })
    } finally {
      second.disconnect()
    }
  })

  const runner = { describe, it, expect }
  runStoreConformance('redis cluster (test clock)', () => redisStore({ client, prefix: `cluster-${++stores}`, timeoutMs: 2_000, clock: Date.now }), runner)
})
