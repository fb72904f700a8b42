// The response cache across processes: engines on their own Redis connections sharing one
// redisResponseCache, the real `openai` client over HTTP against fakeProvider(); two engines in
// this process, and two OS processes.
import { fork } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { createFinOps } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import type { Redis } from 'ioredis'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisResponseCache } from './redis-response-cache.js'
import type { ResponseCacheProcessReport } from './response-cache-process-worker.js'
import { connectTestClient } from './redis-test-client.js'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from './testing/redis-server-process.js'

const skip = redisServerSkipReason()
const worker = fileURLToPath(new URL('./response-cache-process-worker.ts', import.meta.url))
const root = fileURLToPath(new URL('../../..', import.meta.url))

/** Runs one worker process to its end and returns its report. */
async function runProcess(args: string[]): Promise<ResponseCacheProcessReport> {
  const child = fork(worker, args, { cwd: root, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const reported = once(child, 'message') as Promise<[ResponseCacheProcessReport]>
  const [code] = (await once(child, 'exit')) as [number | null]
  expect(code).toBe(0)
  const [report] = await reported
  return report
}

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

  it('shares a response between two OS processes: the second one never reaches the provider', async () => {
    const request = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Shared between processes?' }], temperature: 0 })
    const args = [`redis://127.0.0.1:${server.port}`, provider.openaiBaseURL, request]
    const sentBefore = provider.requests.length
    const first = await runProcess(args)
    expect(first.hit).toBe(false)
    expect(provider.requests).toHaveLength(sentBefore + 1)
    const second = await runProcess(args)
    expect(second).toEqual({ id: first.id, content: first.content, hit: true })
    expect(provider.requests).toHaveLength(sentBefore + 1)
  }, 60_000)
})
