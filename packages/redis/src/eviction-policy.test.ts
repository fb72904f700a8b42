// A Redis that may evict keys under memory pressure would drop budgets and reservation leases
// (with volatile-lru, 44–60 of 300 users' budgets kept money reserved until the period ended):
// the store refuses it at readiness, on the real server and through the real engine.
import { ConfigError, createFinOps, LimitExceededError, type FinOpsEvent, type PolicyConfig } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { diag, DiagLogLevel } from '@opentelemetry/api'
import { Redis } from 'ioredis'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { nodeRedisVersions } from './clients/node-redis-test-clients.js'
import { redisStore } from './redis-store.js'
import { connectTestClient } from './redis-test-client.js'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from './testing/redis-server-process.js'

const skip = redisServerSkipReason()
const slot = { kind: 'concurrency', key: 'c', limit: 10 } as const
const policies: PolicyConfig[] = [{ key: 'budget', limits: { budget: { period: 'monthly', hard_limit_usd: 100 } } }]
const messages = [{ role: 'user' as const, content: 'one two three' }]

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: unknown) => error,
  )
}

function expectRefusal(error: unknown, port: number): asserts error is ConfigError {
  expect(ConfigError.isInstance(error)).toBe(true)
  expect(error).toMatchObject({ path: 'redisStore.client' })
  expect((error as ConfigError).message).toContain(`Redis at 127.0.0.1:${port} has maxmemory-policy 'volatile-lru'`)
  expect((error as ConfigError).message).toContain("set maxmemory-policy to 'noeviction'")
}

describe.skipIf(skip !== undefined)('a Redis with maxmemory-policy volatile-lru', () => {
  let server: RedisServerProcess
  let admin: Redis
  let provider: FakeProvider
  let stores = 0
  beforeAll(async () => {
    server = await startRedisServer({ args: ['--maxmemory-policy', 'volatile-lru'] })
    admin = await connectTestClient(server.port)
    provider = await fakeProvider()
  })
  afterEach(() => provider.reset())
  afterAll(async () => {
    admin.disconnect()
    await provider.close()
    await server.stop()
  })

  it('is refused: ready() and every operation reject with one ConfigError naming the setting and the fix, and nothing is written', async () => {
    const client = await connectTestClient(server.port)
    try {
      const store = redisStore({ client, prefix: `refused-${++stores}` })
      const refusal = await rejectionOf(store.ready())
      expectRefusal(refusal, server.port)
      expect(await rejectionOf(store.reserve({ id: 'r1', counters: [slot] }))).toBe(refusal)
      expect(await rejectionOf(store.read({ counters: [slot] }))).toBe(refusal)
      expect(await admin.dbsize()).toBe(0)
    } finally {
      client.disconnect()
    }
  })

  it('is refused on the first operation of a client still connecting, without awaiting ready()', async () => {
    const client = new Redis({ host: '127.0.0.1', port: server.port, enableOfflineQueue: false, maxRetriesPerRequest: 0 })
    try {
      const store = redisStore({ client, prefix: `connecting-${++stores}`, timeoutMs: 5_000 })
      expectRefusal(await rejectionOf(store.reserve({ id: 'r1', counters: [slot] })), server.port)
    } finally {
      client.disconnect()
    }
  })

  for (const version of nodeRedisVersions) {
    it(`${version.name}: is refused the same way`, async () => {
      const connected = await version.connect(server.port)
      try {
        expectRefusal(await rejectionOf(redisStore({ client: connected.client, prefix: `node-redis-${++stores}` }).ready()), server.port)
      } finally {
        await connected.close()
      }
    })
  }

  it("fail-open: calls pass unguarded, flagged by a store_degraded event carrying the refusal; fail-closed: denied 'store_unavailable' before reaching the provider", async () => {
    const client = await connectTestClient(server.port)
    try {
      for (const onStoreError of ['fail-open', 'fail-closed'] as const) {
        const events: FinOpsEvent[] = []
        const finops = createFinOps({ store: redisStore({ client, prefix: `engine-${++stores}` }), policies, onStoreError, onEvent: (event) => events.push(event) })
        const openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test', maxRetries: 0 }), { finops })
        const outcome = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 16 }).then(
          () => 'sent',
          (error: unknown) => error,
        )
        await finops.flush()
        const degraded = events.filter((event) => event.type === 'store_degraded')
        // Fail-open: the refused reservation, then the refused charge of the call's actual cost.
        expect(degraded).toHaveLength(onStoreError === 'fail-open' ? 2 : 1)
        for (const event of degraded) expectRefusal(event.type === 'store_degraded' ? event.error : undefined, server.port)
        if (onStoreError === 'fail-open') {
          expect(outcome).toBe('sent')
          expect(provider.requests).toHaveLength(1)
        } else {
          expect(LimitExceededError.isInstance(outcome)).toBe(true)
          expect(outcome).toMatchObject({ reason: 'store_unavailable' })
          expect(provider.requests).toHaveLength(1) // still the fail-open call's
        }
      }
    } finally {
      client.disconnect()
    }
  })

  it("is accepted once the policy is set to 'noeviction', as the error says", async () => {
    await admin.config('SET', 'maxmemory-policy', 'noeviction')
    const client = await connectTestClient(server.port)
    try {
      const store = redisStore({ client, prefix: `fixed-${++stores}` })
      await store.ready()
      expect(await store.reserve({ id: 'r1', counters: [slot] })).toMatchObject({ allowed: true })
    } finally {
      client.disconnect()
      await admin.config('SET', 'maxmemory-policy', 'volatile-lru')
    }
  })
})

describe.skipIf(skip !== undefined)('a Redis whose CONFIG command is disabled (as managed services do)', () => {
  let server: RedisServerProcess
  const warnings: string[] = []
  beforeAll(async () => {
    server = await startRedisServer({ args: ['--rename-command', 'CONFIG', ''] })
    const ignore = () => {}
    diag.setLogger({ warn: (message) => warnings.push(message), error: ignore, info: ignore, debug: ignore, verbose: ignore }, DiagLogLevel.WARN)
  })
  afterAll(async () => {
    diag.disable()
    await server.stop()
  })

  it('serves the store after one diag warning that the eviction policy is unchecked', async () => {
    const client = await connectTestClient(server.port)
    try {
      const store = redisStore({ client, prefix: 'unchecked' })
      await store.ready()
      await store.ready()
      expect(await store.reserve({ id: 'r1', counters: [slot] })).toMatchObject({ allowed: true })
      expect(warnings).toEqual([
        `finops-ai redis store: could not read maxmemory-policy on 127.0.0.1:${server.port} (CONFIG is disabled or not permitted); make sure it is 'noeviction', or Redis may evict budgets and reservations`,
      ])
    } finally {
      client.disconnect()
    }
  })
})
