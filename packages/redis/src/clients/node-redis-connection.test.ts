import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisStore } from '../redis-store.js'
import { connectTestClient } from '../redis-test-client.js'
import { redisStoreScripts } from '../scripts/redis-store-scripts.js'
import { startRedisCluster, type RedisClusterProcess } from '../testing/redis-cluster-process.js'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from '../testing/redis-server-process.js'
import { nodeRedisVersions } from './node-redis-test-clients.js'

const skip = redisServerSkipReason()
const sha1s = Object.values(redisStoreScripts).map((script) => script.sha1)
const slot = { kind: 'concurrency', key: 'c', limit: 10 } as const

/** Whether every script of the store is cached on `client`'s server. */
async function scriptsLoaded(client: Redis): Promise<boolean> {
  return ((await client.script('EXISTS', ...sha1s)) as number[]).every((exists) => exists === 1)
}

describe.skipIf(skip !== undefined)('redisStore on a node-redis client still connecting', () => {
  let server: RedisServerProcess
  let admin: Redis
  beforeAll(async () => {
    server = await startRedisServer()
    admin = await connectTestClient(server.port)
  })
  afterAll(async () => {
    admin.disconnect()
    await server.stop()
  })

  for (const version of nodeRedisVersions) {
    it(`${version.name}: the first operation and ready() wait for connect() within timeoutMs, after the scripts were loaded`, async () => {
      await admin.script('FLUSH')
      const connecting = version.connecting(server.port)
      try {
        const store = redisStore({ client: connecting.client, prefix: `connecting-${version.name}`, timeoutMs: 5_000 })
        // Sent right after connect(): without readiness node-redis answers 'The client is offline'.
        const [decision] = await Promise.all([store.reserve({ id: 'first', counters: [slot] }), store.ready()])
        expect(decision).toEqual({ allowed: true, counters: [{ kind: 'concurrency', inFlight: 1 }] })
        expect(await scriptsLoaded(admin)).toBe(true)
        await connecting.connected
      } finally {
        await connecting.close()
      }
    })
  }
})

describe.skipIf(skip !== undefined)('redisStore on a node-redis cluster still discovering its slots', () => {
  let cluster: RedisClusterProcess
  let nodes: Redis[]
  beforeAll(async () => {
    cluster = await startRedisCluster()
    nodes = await Promise.all(cluster.startupNodes.map((node) => connectTestClient(node.port)))
  }, 120_000)
  afterAll(async () => {
    for (const node of nodes) node.disconnect()
    await cluster.stop()
  })

  const masters = async (): Promise<Redis[]> => {
    const roles = await Promise.all(nodes.map((node) => node.role()))
    return nodes.filter((_, index) => roles[index]?.[0] === 'master')
  }

  for (const version of nodeRedisVersions) {
    it(`${version.name}: the first operation and ready() wait for the discovery within timeoutMs, after the scripts were loaded on every master`, async () => {
      const primaries = await masters()
      expect(primaries).toHaveLength(3)
      await Promise.all(primaries.map((node) => node.script('FLUSH')))
      const connecting = version.connectingCluster(cluster.startupNodes)
      try {
        const store = redisStore({ client: connecting.client, prefix: `discovering-${version.name}`, timeoutMs: 5_000 })
        // Sent right after connect(): without readiness v4 and v5 fail on the empty slot table, v6 waits for an event it never gets.
        const [decision] = await Promise.all([store.reserve({ id: 'first', counters: [slot] }), store.ready()])
        expect(decision).toEqual({ allowed: true, counters: [{ kind: 'concurrency', inFlight: 1 }] })
        expect(await Promise.all(primaries.map(scriptsLoaded))).toEqual([true, true, true])
        await connecting.connected
      } finally {
        await connecting.close()
      }
    })
  }
})
