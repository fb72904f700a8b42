import { runStoreConformance } from '@finops-ai/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisStore } from '../redis-store.js'
import { startRedisCluster, type RedisClusterProcess } from '../testing/redis-cluster-process.js'
import { redisServerSkipReason } from '../testing/redis-server-process.js'
import { nodeRedisVersions, type NodeRedisTestClient } from './node-redis-test-clients.js'

const skip = redisServerSkipReason()
const runner = { describe, it, expect }

describe.skipIf(skip !== undefined)('redisStore on node-redis createCluster() against a real Redis Cluster', () => {
  let cluster: RedisClusterProcess
  let stores = 0
  beforeAll(async () => {
    cluster = await startRedisCluster()
  }, 120_000)
  afterAll(() => cluster.stop())

  for (const version of nodeRedisVersions) {
    describe(version.name, () => {
      let connected: NodeRedisTestClient
      beforeAll(async () => {
        connected = await version.connectCluster(cluster.startupNodes)
      })
      afterAll(() => connected.close())
      // Every store has its own prefix, so the cases run on the slots of different masters
      // (node-redis v4 routed its cluster's evalSha to an arbitrary master: MOVED failures).
      runStoreConformance(`redis on a ${version.name} cluster (server TIME)`, () => redisStore({ client: connected.client, prefix: `server-${++stores}`, timeoutMs: 2_000 }), runner, {
        controllableTime: false,
      })
      runStoreConformance(`redis on a ${version.name} cluster (test clock)`, () => redisStore({ client: connected.client, prefix: `clock-${++stores}`, timeoutMs: 2_000, clock: Date.now }), runner)
    })
  }
})
