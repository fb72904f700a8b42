import { ConfigError } from '@finops-ai/core'
import { Cluster, Redis } from 'ioredis'
import { createCluster } from 'redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RedisScriptClient } from '../redis-script-client.js'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from '../testing/redis-server-process.js'
import { nodeRedisVersions, type NodeRedisTestClient } from './node-redis-test-clients.js'
import { scriptClientOf } from './script-client-of.js'

const skip = redisServerSkipReason()

function configErrorOf(client: unknown): ConfigError {
  try {
    scriptClientOf(client as RedisScriptClient, 'redisStore')
  } catch (error) {
    if (ConfigError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('scriptClientOf', () => {
  it('takes ioredis Redis and Cluster instances, connected or not', () => {
    const redis = new Redis({ lazyConnect: true })
    const cluster = new Cluster([{ host: '127.0.0.1', port: 1 }], { lazyConnect: true })
    expect(Object.keys(scriptClientOf(redis, 'redisStore'))).toEqual(['evalSha', 'eval'])
    expect(Object.keys(scriptClientOf(cluster, 'redisStore'))).toEqual(['evalSha', 'eval'])
  })

  it('takes any object with ioredis-style evalsha and eval (a user adapter)', async () => {
    const calls: unknown[][] = []
    const adapter = {
      evalsha: async (...args: unknown[]) => calls.push(['evalsha', ...args]),
      eval: async (...args: unknown[]) => calls.push(['eval', ...args]),
    }
    const client = scriptClientOf(adapter, 'redisStore')
    await client.evalSha('sha', ['k1', 'k2'], ['a1'])
    await client.eval('return 1', ['k1'], ['a1', 'a2'])
    expect(calls).toEqual([
      ['evalsha', 'sha', 2, 'k1', 'k2', 'a1'],
      ['eval', 'return 1', 1, 'k1', 'a1', 'a2'],
    ])
  })

  it.each([
    ['undefined', undefined, 'got undefined'],
    ['null', null, 'got null'],
    ['a URL string', 'redis://127.0.0.1:6379', 'got redis://127.0.0.1:6379'],
    ['a client of another shape', { get: () => 'x', set: () => 'OK' }, 'got an object (Object) without those methods'],
    ['a half ioredis shape', { evalsha: () => 1 }, 'got an object (Object) without those methods'],
  ])('rejects %s with a ConfigError naming the supported clients', (_name, client, got) => {
    const error = configErrorOf(client)
    expect(error.path).toBe('redisStore.client')
    expect(error.message).toContain('an ioredis Redis or Cluster, a node-redis (redis v4–v6) client from createClient() or cluster from createCluster()')
    expect(error.message).toContain(got)
  })

  it('names the function it was given to in the ConfigError path', () => {
    try {
      scriptClientOf({ get: () => 'x' } as unknown as RedisScriptClient, 'redisResponseCache')
      expect.unreachable('a ConfigError')
    } catch (error) {
      expect(error).toMatchObject({ path: 'redisResponseCache.client' })
    }
  })

  it('rejects a node-redis cluster that was never opened', () => {
    const error = configErrorOf(createCluster({ rootNodes: [{ socket: { host: '127.0.0.1', port: 1 } }] }))
    expect(error.path).toBe('redisStore.client')
    expect(error.message).toContain('the node-redis client is not open')
  })

  describe.skipIf(skip !== undefined)('node-redis clients', () => {
    let server: RedisServerProcess
    const opened: NodeRedisTestClient[] = []
    beforeAll(async () => {
      server = await startRedisServer()
    })
    afterAll(async () => {
      await Promise.all(opened.map((connected) => connected.close()))
      await server.stop()
    })

    for (const version of nodeRedisVersions) {
      it(`${version.name}: takes an opened client and rejects one never opened`, async () => {
        const connected = await version.connect(server.port)
        opened.push(connected)
        expect(Object.keys(scriptClientOf(connected.client, 'redisStore'))).toEqual(['evalSha', 'eval'])
        const error = configErrorOf(version.unopened(server.port))
        expect(error.path).toBe('redisStore.client')
        expect(error.message).toContain('the node-redis client is not open: call client.connect() before redisStore()')
      })
    }
  })
})
