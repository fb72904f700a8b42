// The response cache across processes: engines on their own Redis connections sharing one
// redisResponseCache, the real `openai` client over HTTP against fakeProvider().
import { createFinOps } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import type { Redis } from 'ioredis'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisResponseCache } from './redis-response-cache.js'
import { connectTestClient } from './redis-test-client.js'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from './testing/redis-server-process.js'

const skip = redisServerSkipReason()

describe.skipIf(skip !== undefined)('createFinOps({ cache }) with redisResponseCache', () => {
  let server: RedisServerProcess
  let provider: FakeProvider
  const connections: Redis[] = []
  beforeAll(async () => {
    server = await startRedisServer()
    provider = await fakeProvider()
  })
  afterAll(async () => {
    for (const connection of connections) connection.disconnect()
    await provider.close()
    await server.stop()
  })

  /** An engine with its own Redis connection (a process of its own) caching in Redis, and its OpenAI client. */
  async function processWithCache() {
    const connection = await connectTestClient(server.port)
    connections.push(connection)
    const finops = createFinOps({ cache: { store: redisResponseCache({ client: connection, timeoutMs: 2_000 }) } })
    return { finops, openai: withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test', maxRetries: 0 }), { finops }) }
  }

  it("answers a second engine's identical temperature-0 call from Redis, without reaching the provider", async () => {
    const request = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'What is FinOps?' }], temperature: 0 }
    const first = await processWithCache()
    const original = await first.openai.chat.completions.create(request)
    await first.finops.flush() // the response is written to Redis
    expect(provider.requests).toHaveLength(1)
    expect(await connections[0]!.keys('finops:cache:*')).toHaveLength(1)

    const second = await processWithCache()
    const replayed = await second.openai.chat.completions.create(request)
    expect(provider.requests).toHaveLength(1)
    expect(replayed.choices[0]?.message.content).toBe(original.choices[0]?.message.content)
    expect(replayed.id).toBe(original.id)

    // Not opted in (no temperature: 0): sent to the provider.
    await second.openai.chat.completions.create({ ...request, temperature: 0.7 })
    expect(provider.requests).toHaveLength(2)
  })
})
