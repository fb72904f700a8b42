// Issue 16 §4 "Hard budgets overshoot when the estimate is low": 500 concurrent calls whose real
// input tokens are far above the old chars/4 estimate (CJK text) against a hard budget and a
// cost-velocity breaker, through the real `openai` client over HTTP, on the memory store and on a
// real redis-server. The fake provider counts words (a CJK sentence is one token), so this test
// serves its own tiny provider whose usage is UTF-8 bytes / 1.5 — two tokens per CJK character,
// above what cl100k/o200k give for common Chinese text — and exactly `max_tokens` output tokens.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createFinOps, LimitExceededError, memoryStore, type PolicyConfig, type Store, type UsageRecord } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { redisStore } from '@finops-ai/redis'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from '@finops-ai/redis/testing'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectTestClient } from '../../packages/redis/src/redis-test-client.js'

const CALLS = 500
const OUTPUT_TOKENS = 20
// 200 CJK characters = 600 UTF-8 bytes: 400 real input tokens here, 50 by the old chars/4 estimate (8×).
const PROMPT = '預算管理與成本控制'.repeat(23).slice(0, 200)
const REAL_INPUT_TOKENS = Math.ceil(Buffer.byteLength(PROMPT, 'utf8') / 1.5)
// gpt-4o: $2.50 per 1M input tokens, $10.00 per 1M output tokens (openai.com/api/pricing, read 2026-12-02).
const REAL_CALL_USD = REAL_INPUT_TOKENS * 2.5e-6 + OUTPUT_TOKENS * 10e-6 // $0.0012
const LIMIT_USD = 0.06 // 50 real calls

/** A chat-completions endpoint reporting usage = UTF-8 bytes of the message text / 1.5. */
function bytesTokenizingProvider(): Promise<Server> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { messages: { content: string }[]; max_tokens: number }
      const bytes = body.messages.reduce((sum, message) => sum + Buffer.byteLength(message.content, 'utf8'), 0)
      const usage = { prompt_tokens: Math.ceil(bytes / 1.5), completion_tokens: body.max_tokens }
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify({
          id: 'chatcmpl-bytes',
          object: 'chat.completion',
          created: 0,
          model: 'gpt-4o-2024-08-06',
          choices: [{ index: 0, message: { role: 'assistant', content: '好'.repeat(body.max_tokens) }, finish_reason: 'length' }],
          usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
        }),
      )
    })
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

interface Outcome {
  allowed: number
  denied: number
  spentUsd: number
}

async function runBurst(server: Server, store: Store, policy: PolicyConfig, reason: string): Promise<Outcome> {
  const records: UsageRecord[] = []
  const finops = createFinOps({ store, policies: [policy], onUsage: (record) => void records.push(record) })
  const { port } = server.address() as AddressInfo
  const openai = withFinOps(new OpenAI({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: 'test', maxRetries: 0 }), { finops })
  const results = await Promise.allSettled(
    Array.from({ length: CALLS }, () => openai.chat.completions.create({ model: 'gpt-4o', max_tokens: OUTPUT_TOKENS, messages: [{ role: 'user', content: PROMPT }] })),
  )
  await finops.flush()
  for (const result of results) {
    if (result.status === 'rejected') {
      expect(LimitExceededError.isInstance(result.reason)).toBe(true)
      expect((result.reason as LimitExceededError).reason).toBe(reason)
    }
  }
  const ok = records.filter((record) => record.status === 'ok')
  for (const record of ok) expect(record.usage).toMatchObject({ inputTokens: REAL_INPUT_TOKENS, outputTokens: OUTPUT_TOKENS })
  const spentNanos = ok.reduce((sum, record) => sum + (record.cost?.usdNanos ?? Number.NaN), 0)
  await finops.shutdown()
  return { allowed: ok.length, denied: results.filter((result) => result.status === 'rejected').length, spentUsd: spentNanos / 1e9 }
}

const hardBudget: PolicyConfig = { key: 'cjk-budget', limits: { budget: { period: 'total', hard_limit_usd: LIMIT_USD } } }
const breaker: PolicyConfig = { key: 'cjk-breaker', limits: { circuit_breaker: { cost_velocity_usd_per_min: LIMIT_USD, cooldown: '5m' } } }

function expectNoOvershoot(outcome: Outcome): void {
  expect(outcome.allowed + outcome.denied).toBe(CALLS)
  expect(outcome.allowed).toBeGreaterThan(0)
  expect(outcome.denied).toBeGreaterThan(0)
  expect(outcome.spentUsd).toBeCloseTo(outcome.allowed * REAL_CALL_USD, 9)
  // docs/policies.md: with non-ASCII text and images within their allowance, never overshot.
  expect(outcome.spentUsd).toBeLessThanOrEqual(LIMIT_USD)
}

describe('reservations of CJK text are upper bounds (memory store)', () => {
  let server: Server
  beforeAll(async () => {
    server = await bytesTokenizingProvider()
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it(`${CALLS} concurrent calls never overshoot a hard budget`, async () => {
    expectNoOvershoot(await runBurst(server, memoryStore(), hardBudget, 'budget'))
  })

  it(`${CALLS} concurrent calls never overshoot the cost-velocity breaker`, async () => {
    expectNoOvershoot(await runBurst(server, memoryStore(), breaker, 'circuit_breaker'))
  })
})

describe.skipIf(redisServerSkipReason() !== undefined)('reservations of CJK text are upper bounds (Redis store)', () => {
  let server: Server
  let redis: RedisServerProcess
  let client: Awaited<ReturnType<typeof connectTestClient>>
  beforeAll(async () => {
    server = await bytesTokenizingProvider()
    redis = await startRedisServer()
    client = await connectTestClient(redis.port)
  })
  afterAll(async () => {
    client.disconnect()
    await redis.stop()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  it(`${CALLS} concurrent calls never overshoot a hard budget`, async () => {
    expectNoOvershoot(await runBurst(server, redisStore({ client, prefix: 'cjk-budget', timeoutMs: 5_000 }), hardBudget, 'budget'))
  })

  it(`${CALLS} concurrent calls never overshoot the cost-velocity breaker`, async () => {
    expectNoOvershoot(await runBurst(server, redisStore({ client, prefix: 'cjk-breaker', timeoutMs: 5_000 }), breaker, 'circuit_breaker'))
  })
})
