import { ConfigError } from '@finops-ai/core'
import { diag, DiagLogLevel } from '@opentelemetry/api'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientReadiness } from './client-readiness.js'
import { nodeRedisVersions } from './clients/node-redis-test-clients.js'
import { connectClusterClient } from './redis-cluster-test-client.js'
import { connectTestClient } from './redis-test-client.js'
import { redisStoreScripts as byName } from './scripts/redis-store-scripts.js'
import { startRedisCluster, type RedisClusterProcess } from './testing/redis-cluster-process.js'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from './testing/redis-server-process.js'

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

async function refusalOf(ready: Promise<void>): Promise<ConfigError> {
  const error = await ready.then(
    () => undefined,
    (rejection: unknown) => rejection,
  )
  if (!ConfigError.isInstance(error)) throw new Error(`expected a ConfigError, got ${String(error)}`)
  return error
}

describe.skipIf(skip !== undefined)('clientReadiness refusing an evicting Redis', () => {
  let server: RedisServerProcess
  beforeAll(async () => {
    server = await startRedisServer({ args: ['--maxmemory-policy', 'allkeys-lru'] })
  })
  afterAll(() => server.stop())

  it('refuses for good, logged once: the policy is not read again, even once fixed', async () => {
    const client = await connectTestClient(server.port)
    const errors: string[] = []
    const ignore = () => {}
    diag.setLogger({ error: (message) => errors.push(message), warn: ignore, info: ignore, debug: ignore, verbose: ignore }, DiagLogLevel.ERROR)
    try {
      const readiness = clientReadiness(client, redisStoreScripts)
      const refusal = await refusalOf(readiness.ready())
      expect(refusal.message).toContain(`maxmemory-policy 'allkeys-lru'`)
      await client.config('SET', 'maxmemory-policy', 'noeviction')
      expect(readiness.isReady()).toBe(false)
      expect(await refusalOf(readiness.ready())).toBe(refusal)
      expect(errors).toEqual([`finops-ai redis store refused: ${refusal.message}`])
    } finally {
      diag.disable()
      await client.config('SET', 'maxmemory-policy', 'allkeys-lru')
      client.disconnect()
    }
  })
})

describe.skipIf(skip !== undefined)('clientReadiness on a Redis Cluster with one evicting master', () => {
  let cluster: RedisClusterProcess
  let evicting: Redis
  beforeAll(async () => {
    cluster = await startRedisCluster()
    const first = await cluster.masterOf(0)
    evicting = await connectTestClient(first.port)
    await evicting.config('SET', 'maxmemory-policy', 'volatile-ttl')
  }, 120_000)
  afterAll(async () => {
    evicting.disconnect()
    await cluster.stop()
  })

  const expectNamesOnlyThatMaster = (refusal: ConfigError) => {
    expect(refusal.issues).toHaveLength(1)
    expect(refusal.message).toContain(`:${evicting.options.port} has maxmemory-policy 'volatile-ttl'`)
  }

  it('ioredis Cluster: refused, naming that master only', async () => {
    const client = await connectClusterClient(cluster.startupNodes)
    try {
      expectNamesOnlyThatMaster(await refusalOf(clientReadiness(client, redisStoreScripts).ready()))
    } finally {
      client.disconnect()
    }
  })

  for (const version of nodeRedisVersions) {
    it(`${version.name} createCluster(): refused, naming that master only`, async () => {
      const connected = await version.connectCluster(cluster.startupNodes)
      try {
        expectNamesOnlyThatMaster(await refusalOf(clientReadiness(connected.client, redisStoreScripts).ready()))
      } finally {
        await connected.close()
      }
    })
  }
})
