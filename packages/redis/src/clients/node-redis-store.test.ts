import { runStoreConformance } from '@finops-ai/core/testing'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RedisStoreError } from '../redis-store-error.js'
import { redisStore } from '../redis-store.js'
import { commandCalls, connectTestClient } from '../redis-test-client.js'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from '../testing/redis-server-process.js'
import { nodeRedisVersions, type NodeRedisTestClient } from './node-redis-test-clients.js'

const skip = redisServerSkipReason()
const runner = { describe, it, expect }
const slot = { kind: 'concurrency', key: 'c', limit: 1 } as const

async function failureOf(operation: Promise<unknown>): Promise<RedisStoreError> {
  const error = await operation.then(
    () => undefined,
    (rejection: unknown) => rejection,
  )
  if (!(error instanceof RedisStoreError)) throw new Error(`expected a RedisStoreError, got ${String(error)}`)
  return error
}

describe.skipIf(skip !== undefined)('redisStore on node-redis clients against a real redis-server', () => {
  let server: RedisServerProcess
  let admin: Redis
  let stores = 0
  beforeAll(async () => {
    server = await startRedisServer()
    admin = await connectTestClient(server.port)
  })
  afterAll(async () => {
    admin.disconnect()
    await server.stop()
  })

  for (const version of nodeRedisVersions) {
    describe(version.name, () => {
      let connected: NodeRedisTestClient
      beforeAll(async () => {
        connected = await version.connect(server.port)
      })
      afterAll(() => connected.close())

      // Server time: the conformance cases that move `now` are skipped.
      runStoreConformance(`redis on ${version.name} (server TIME)`, () => redisStore({ client: connected.client, prefix: `server-${++stores}`, timeoutMs: 2_000 }), runner, {
        controllableTime: false,
      })
      // The test clock honours each request's `now`: every case runs, windows and periods included.
      runStoreConformance(`redis on ${version.name} (test clock)`, () => redisStore({ client: connected.client, prefix: `clock-${++stores}`, timeoutMs: 2_000, clock: Date.now }), runner)

      it('sends a script flushed from Redis again with EVAL, then runs it by SHA1', async () => {
        const store = redisStore({ client: connected.client, prefix: `flush-${++stores}`, timeoutMs: 2_000 })
        await store.ready() // loads the scripts, which the flush then drops
        await admin.script('FLUSH')
        const before = await commandCalls(admin)
        await store.reserve({ id: 'r1', counters: [slot] })
        await store.settle({ id: 'r1', tokens: 0, costNanos: 0 })
        const after = await commandCalls(admin)
        expect((after.eval ?? 0) - (before.eval ?? 0)).toBe(2) // reserve and settle scripts, once each
        expect((after.evalsha ?? 0) - (before.evalsha ?? 0)).toBe(2) // both tried by SHA1 first
      })

      it("maps Redis's error replies (here NOREPLICAS) to failure 'reply'", async () => {
        const store = redisStore({ client: connected.client, prefix: `oom-${++stores}`, timeoutMs: 2_000 })
        await admin.config('SET', 'min-replicas-to-write', '1')
        try {
          const error = await failureOf(store.reserve({ id: 'r1', counters: [slot] }))
          expect(error).toMatchObject({ operation: 'reserve', failure: 'reply' })
          expect(error.message).toContain('NOREPLICAS')
        } finally {
          await admin.config('SET', 'min-replicas-to-write', '0')
        }
      })

      it("maps a reply later than timeoutMs to failure 'timeout'", async () => {
        const store = redisStore({ client: connected.client, prefix: `slow-${++stores}`, timeoutMs: 200 })
        server.pause()
        try {
          expect(await failureOf(store.reserve({ id: 'r1', counters: [slot] }))).toMatchObject({ operation: 'reserve', failure: 'timeout' })
        } finally {
          server.resume()
        }
      })
    })
  }

  for (const version of nodeRedisVersions) {
    it(`${version.name}: maps a closed client to failure 'connection'`, async () => {
      const connected = await version.connect(server.port)
      const store = redisStore({ client: connected.client, prefix: `closed-${++stores}`, timeoutMs: 2_000 })
      await connected.close()
      const error = await failureOf(store.reserve({ id: 'r1', counters: [slot] }))
      expect(error).toMatchObject({ operation: 'reserve', failure: 'connection' })
      expect(error.message).toContain('The client is closed')
    })
  }
})
