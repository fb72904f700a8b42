import type { Cluster, Redis } from 'ioredis'
import { describe, expectTypeOf, it } from 'vitest'
import type { RedisScriptClient } from './redis-script-client.js'

describe('RedisScriptClient', () => {
  it('is satisfied by ioredis Redis and Cluster instances as they are', () => {
    expectTypeOf<Redis>().toMatchTypeOf<RedisScriptClient>()
    expectTypeOf<Cluster>().toMatchTypeOf<RedisScriptClient>()
  })
})
