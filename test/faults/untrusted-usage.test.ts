// Usage numbers from the provider are untrusted input: negative, fractional or absurdly large token
// counts, answered by a tiny HTTP server to the real `openai` and `@anthropic-ai/sdk` clients, never
// make a call free, never write a non-integer or infinite amount into the store, and never leak a
// reservation or a concurrency slot.
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Anthropic from '@anthropic-ai/sdk'
import { withFinOps as withAnthropicFinOps } from '@finops-ai/anthropic'
import { createFinOps, memoryStore, type UsageRecord } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ledgerPolicy, ledgerState, RecordingDiagLogger } from './fault-harness.js'

// Published list prices (https://platform.openai.com/docs/pricing, read 2026-12-02): gpt-4o input
// $2.50 and output $10.00 per million tokens, i.e. 2,500 and 10,000 nano-USD per token.
const gpt4oInputNanos = 2_500
const gpt4oOutputNanos = 10_000
const maxUsageCount = 2 ** 32 - 1

/** The usage the next answer reports (OpenAI or Anthropic field names, as sent). */
let nextUsage: Record<string, unknown> = {}
let server: Server
let baseURL = ''

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      response.setHeader('content-type', 'application/json')
      if (request.url?.includes('/messages') === true) {
        response.end(
          JSON.stringify({ id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-sonnet-4-5', content: [{ type: 'text', text: 'hi' }], stop_reason: 'end_turn', usage: nextUsage }),
        )
        return
      }
      response.end(
        JSON.stringify({
          id: 'chatcmpl-1',
          object: 'chat.completion',
          created: 0,
          model: 'gpt-4o-2024-08-06',
          choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
          usage: nextUsage,
        }),
      )
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

function rig() {
  const store = memoryStore()
  const records: UsageRecord[] = []
  const finops = createFinOps({ store, policies: [ledgerPolicy], onUsage: (record) => void records.push(record) })
  const openai = withFinOps(new OpenAI({ baseURL: `${baseURL}/v1`, apiKey: 'sk-test', maxRetries: 0 }), { finops })
  const anthropic = withAnthropicFinOps(new Anthropic({ baseURL, apiKey: 'sk-ant-test', maxRetries: 0 }), { finops })
  return { store, records, finops, openai, anthropic }
}

const messages = [{ role: 'user' as const, content: 'Say hi' }]

describe('untrusted provider usage', () => {
  it('negative token counts are replaced by the reserved estimate: the call is not free', async () => {
    const diagLog = new RecordingDiagLogger().install()
    const { store, records, finops, openai } = rig()
    nextUsage = { prompt_tokens: -1000, completion_tokens: -5000, total_tokens: -6000 }
    await openai.chat.completions.create({ model: 'gpt-4o', messages, max_tokens: 100 })
    await finops.flush()
    const record = records[0]!
    expect(record.usage.outputTokens).toBe(100)
    expect(record.usage.inputTokens).toBeGreaterThan(0)
    expect(record.estimated).toBe(true)
    const expected = Math.ceil(record.usage.inputTokens * gpt4oInputNanos + 100 * gpt4oOutputNanos)
    expect(Math.abs(record.cost!.usdNanos - expected)).toBeLessThanOrEqual(1)
    expect(ledgerState(store)).toEqual({ spentNanos: record.cost!.usdNanos, reservedNanos: 0, inFlight: 0 })
    expect(diagLog.messages.some((entry) => entry.level === 'warn' && entry.message.includes('inputTokens: -1000'))).toBe(true)
  })

  it.each([1e300, 2 ** 60, 1.7e308])('%s input tokens are clamped: spend stays a safe integer, nothing leaks', async (huge) => {
    const { store, records, finops, openai } = rig()
    nextUsage = { prompt_tokens: huge, completion_tokens: 10, total_tokens: huge }
    await openai.chat.completions.create({ model: 'gpt-4o', messages })
    await finops.flush()
    expect(records[0]!.usage.inputTokens).toBe(maxUsageCount)
    const state = ledgerState(store)
    expect(Number.isSafeInteger(state.spentNanos)).toBe(true)
    expect(Math.abs(state.spentNanos - (maxUsageCount * gpt4oInputNanos + 10 * gpt4oOutputNanos))).toBeLessThanOrEqual(1)
    expect(state).toMatchObject({ reservedNanos: 0, inFlight: 0 })
  })

  it('the Anthropic adapter goes through the same check', async () => {
    const { store, records, finops, anthropic } = rig()
    nextUsage = { input_tokens: -1000, output_tokens: 1e300 }
    await anthropic.messages.create({ model: 'claude-sonnet-4-5', messages, max_tokens: 100 })
    await finops.flush()
    expect(records[0]!.usage.inputTokens).toBeGreaterThan(0)
    expect(records[0]!.usage.outputTokens).toBe(maxUsageCount)
    const state = ledgerState(store)
    expect(Number.isSafeInteger(state.spentNanos)).toBe(true)
    expect(state.spentNanos).toBeGreaterThan(0)
    expect(state).toMatchObject({ reservedNanos: 0, inFlight: 0 })
  })
})
