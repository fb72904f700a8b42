import { Cluster } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRedisCluster, type RedisClusterProcess } from './redis-cluster-process.js'
import { redisServerSkipReason } from './redis-server-process.js'

// CLUSTER KEYSLOT "{t}" — the slot of the keys this test writes.
const slotOfT = 15_891

describe.skipIf(redisServerSkipReason() !== undefined)('startRedisCluster', () => {
  let cluster: RedisClusterProcess
  let client: Cluster
  beforeAll(async () => {
    cluster = await startRedisCluster()
    client = new Cluster(cluster.startupNodes)
    await new Promise((resolve) => client.once('ready', resolve))
  }, 60_000)
  afterAll(async () => {
    client.disconnect()
    await cluster.stop()
  })

  it('starts 3 masters with a replica each, and keeps keys through a slot migration and a failover', async () => {
    expect(cluster.startupNodes).toHaveLength(6)
    expect(await client.cluster('KEYSLOT', '{t}')).toBe(slotOfT)
    await client.set('{t}:a', '1')
    const before = await cluster.masterOf(slotOfT)
    const moved = await cluster.migrateSlot(slotOfT)
    expect(moved.port).not.toBe(before.port)
    expect(await client.get('{t}:a')).toBe('1')
    const promoted = await cluster.failover(slotOfT)
    expect(promoted.port).not.toBe(moved.port)
    expect(await cluster.masterOf(slotOfT)).toEqual(promoted)
    expect(await client.get('{t}:a')).toBe('1')
  }, 60_000)
})
