import type { Redis } from 'ioredis'
import { afterAll, beforeAll } from 'vitest'
import { startRedisServer, type RedisServerProcess } from './testing/redis-server-process.js'
import { connectTestClient } from './redis-test-client.js'

/** A `redis-server` and a connected client for the tests of one `describe` block (test support). */
export interface RedisFixture {
  readonly server: RedisServerProcess
  readonly client: Redis
}

/** Starts a `redis-server` before the block's tests and stops it after them. */
export function useRedisServer(): RedisFixture {
  let server: RedisServerProcess | undefined
  let client: Redis | undefined
  beforeAll(async () => {
    server = await startRedisServer()
    client = await connectTestClient(server.port)
  })
  afterAll(async () => {
    client?.disconnect()
    await server?.stop()
  })
  return {
    get server() {
      if (server === undefined) throw new Error('the redis-server is not started yet')
      return server
    },
    get client() {
      if (client === undefined) throw new Error('the redis client is not connected yet')
      return client
    },
  }
}
