// `estimate.reserve: 'learned'` across processes: engines on their own Redis connections, the real
// `openai` client over HTTP against fakeProvider(), and redisStore on a real redis-server.
import { createFinOps, LimitExceededError, type FinOps, type PolicyConfig } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import type { Redis } from 'ioredis'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { redisStore } from './redis-store.js'
import { connectTestClient } from './redis-test-client.js'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from './testing/redis-server-process.js'

const skip = redisServerSkipReason()
const estimate = { reserve: 'learned', learnedMinSamples: 10, learnedWindow: 50 } as const
/** Admits the 4,000 output tokens a call asks for: the engine that learns. */
const wide: PolicyConfig[] = [{ key: 'wide', limits: { tokens_per_minute: 1_000_000 } }]
/** Denies a call reserved at its `max_tokens` (4,000), admits one reserved at what the feature really writes (16). */
const tight: PolicyConfig[] = [{ key: 'tight', limits: { tokens_per_minute: 2_000 } }]
const messages = [{ role: 'user' as const, content: 'Summarise the ticket.' }]

async function outcomeOf(call: Promise<unknown>): Promise<'sent' | string> {
  return call.then(
    () => 'sent',
    (error: unknown) => (LimitExceededError.isInstance(error) ? `denied: ${error.reason}` : Promise.reject(error)),
  )
}

describe.skipIf(skip !== undefined)("estimate.reserve: 'learned' shared through redisStore", () => {
  let server: RedisServerProcess
  let provider: FakeProvider
  const connections: Redis[] = []
  beforeAll(async () => {
    server = await startRedisServer()
    provider = await fakeProvider()
  })
  afterEach(() => provider.reset())
  afterAll(async () => {
    for (const connection of connections) connection.disconnect()
    await provider.close()
    await server.stop()
  })

  /** An engine with its own Redis connection (a process of its own) on `prefix`, and its support-rag call. */
  async function processOn(prefix: string, policies: PolicyConfig[]): Promise<{ finops: FinOps; call: () => Promise<string> }> {
    const connection = await connectTestClient(server.port)
    connections.push(connection)
    const finops = createFinOps({ store: redisStore({ client: connection, prefix, timeoutMs: 2_000 }), policies, estimate })
    const openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test', maxRetries: 0 }), { finops, attribution: { feature: 'support-rag' } })
    return { finops, call: () => outcomeOf(openai.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 4_000 })) }
  }

  it("reserves in one engine what another engine's calls wrote, not max_tokens", async () => {
    const learner = await processOn('shared', wide)
    for (let index = 0; index < 10; index++) expect(await learner.call()).toBe('sent')
    await learner.finops.flush() // the 10 outputs (16 tokens each) are in Redis

    const sharing = await processOn('shared', tight)
    const alone = await processOn('separate', tight)
    for (const engine of [sharing, alone]) {
      // The first call of a key reserves max_tokens (its window is being fetched): denied, not sent.
      expect(await engine.call()).toBe('denied: tokens_per_minute')
      await engine.finops.flush()
    }
    expect(provider.requests).toHaveLength(10)
    // Now the engine on the learner's Redis prefix reserves the learned 16 output tokens and sends
    // the call; the one on another prefix learned nothing and still reserves 4,000.
    expect(await sharing.call()).toBe('sent')
    expect(await alone.call()).toBe('denied: tokens_per_minute')
    expect(provider.requests).toHaveLength(11)
  })
})
