import type { Cluster, Redis } from 'ioredis'
import type { RedisClientType, RedisClusterType, createClient, createCluster } from 'redis'
import type { createClient as createClientV4, createCluster as createClusterV4 } from 'redis-v4'
import type { createClient as createClientV5, createCluster as createClusterV5 } from 'redis-v5'
import { describe, expectTypeOf, it } from 'vitest'
import type { IoredisScriptClient, NodeRedisScriptClient, RedisScriptClient } from './redis-script-client.js'

describe('RedisScriptClient', () => {
  it('is satisfied by ioredis Redis and Cluster instances as they are', () => {
    expectTypeOf<Redis>().toMatchTypeOf<IoredisScriptClient>()
    expectTypeOf<Cluster>().toMatchTypeOf<IoredisScriptClient>()
    expectTypeOf<Redis>().toMatchTypeOf<RedisScriptClient>()
    expectTypeOf<Cluster>().toMatchTypeOf<RedisScriptClient>()
  })

  it('is satisfied by node-redis v4, v5 and v6 clients and clusters as they are', () => {
    expectTypeOf<ReturnType<typeof createClient>>().toMatchTypeOf<NodeRedisScriptClient>()
    expectTypeOf<ReturnType<typeof createCluster>>().toMatchTypeOf<NodeRedisScriptClient>()
    expectTypeOf<RedisClientType>().toMatchTypeOf<RedisScriptClient>()
    expectTypeOf<RedisClusterType>().toMatchTypeOf<RedisScriptClient>()
    expectTypeOf<ReturnType<typeof createClientV5>>().toMatchTypeOf<NodeRedisScriptClient>()
    expectTypeOf<ReturnType<typeof createClusterV5>>().toMatchTypeOf<NodeRedisScriptClient>()
    expectTypeOf<ReturnType<typeof createClientV4>>().toMatchTypeOf<NodeRedisScriptClient>()
    expectTypeOf<ReturnType<typeof createClusterV4>>().toMatchTypeOf<NodeRedisScriptClient>()
  })
})
