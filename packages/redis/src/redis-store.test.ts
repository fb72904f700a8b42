import { runStoreConformance } from '@finops-ai/core/testing'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from './testing/redis-server-process.js'
import { redisStore } from './redis-store.js'

const skip = redisServerSkipReason()

describe.skipIf(skip !== undefined)('redisStore against a real redis-server', () => {
  let server: RedisServerProcess
  let client: Redis
  let stores = 0
  beforeAll(async () => {
    server = await startRedisServer()
    client = new Redis({ port: server.port, host: '127.0.0.1', enableOfflineQueue: false, maxRetriesPerRequest: 0 })
    await new Promise((resolve) => client.once('ready', resolve))
  })
  afterAll(async () => {
    client.disconnect()
    await server.stop()
  })

  const runner = { describe, it, expect }
  // Server time: the conformance cases that move `now` are skipped.
  runStoreConformance('redis (server TIME)', () => redisStore({ client, prefix: `server-${++stores}`, timeoutMs: 2_000 }), runner, { controllableTime: false })
  // The test clock honours each request's `now`: every case runs, windows and periods included.
  runStoreConformance('redis (test clock)', () => redisStore({ client, prefix: `clock-${++stores}`, timeoutMs: 2_000, clock: Date.now }), runner)
})
