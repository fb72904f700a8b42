import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from './testing/redis-server-process.js'
import { clientReadiness } from './client-readiness.js'
import { redisStoreScripts as byName } from './scripts/redis-store-scripts.js'

const skip = redisServerSkipReason()
const redisStoreScripts = Object.values(byName)

describe.skipIf(skip !== undefined)('clientReadiness', () => {
  let server: RedisServerProcess
  beforeAll(async () => {
    server = await startRedisServer()
  })
  afterAll(async () => {
    await server.stop()
  })

  it('waits for a connecting ioredis client, then loads every script once', async () => {
    const client = new Redis({ host: '127.0.0.1', port: server.port, enableOfflineQueue: false, maxRetriesPerRequest: 0 })
    try {
      const readiness = clientReadiness(client, redisStoreScripts)
      expect(client.status).not.toBe('ready')
      expect(readiness.isReady()).toBe(false)
      await readiness.ready()
      expect(readiness.isReady()).toBe(true)
      expect(await client.script('EXISTS', ...redisStoreScripts.map((script) => script.sha1))).toEqual(redisStoreScripts.map(() => 1))
    } finally {
      client.disconnect()
    }
  })

  it('does not wait for a closed client: its commands fail at once', async () => {
    const client = new Redis({ host: '127.0.0.1', port: server.port, lazyConnect: true })
    const readiness = clientReadiness(client, redisStoreScripts)
    expect(readiness.isReady()).toBe(true)
    await readiness.ready()
  })

  it('takes a client of unknown shape (a user adapter) as always ready', async () => {
    const readiness = clientReadiness({ evalsha: () => Promise.resolve([]), eval: () => Promise.resolve([]) }, redisStoreScripts)
    expect(readiness.isReady()).toBe(true)
    await readiness.ready()
  })
})
