import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestGateway, type TestGateway } from './test-gateway.js'

const SECRET = 'vk-test-claude-secret'
const messages = [{ role: 'user' as const, content: 'Summarise the ticket please' }]
let test: TestGateway

beforeEach(async () => {
  await test?.close()
  test = await startTestGateway({ keys: { [SECRET]: { id: 'vk_claude', attribution: { team: 'legal', feature: 'review' } } } })
})
afterAll(() => test.close())

describe('Anthropic endpoints through the gateway', () => {
  it('answers a message and records its usage under the key attribution', async () => {
    const message = await test.anthropic(SECRET).messages.create({ model: 'claude-sonnet-4-6', max_tokens: 100, messages })
    expect(message.content[0]).toMatchObject({ type: 'text' })
    expect(message.usage.input_tokens).toBe(4)
    await test.finops.flush()
    expect(test.records[0]).toMatchObject({ provider: 'anthropic', model: 'claude-sonnet-4-6', attribution: { team: 'legal', feature: 'review' } })
    // @anthropic-ai/sdk 1.x sends its API key as a bearer token.
    expect(test.provider.requests[0]?.headers.authorization).toBe('Bearer sk-ant-upstream-SECRET-5678')
  })

  it('streams message events with their event types, as the SDK stream helper reads them', async () => {
    test.provider.setReplyWords(3)
    const stream = test.anthropic(SECRET).messages.stream({ model: 'claude-sonnet-4-6', max_tokens: 100, messages })
    const types: string[] = []
    stream.on('streamEvent', (event) => types.push(event.type))
    const final = await stream.finalMessage()
    expect(types[0]).toBe('message_start')
    expect(types.at(-1)).toBe('message_stop')
    expect(final.usage.output_tokens).toBe(3)
    const raw = await fetch(`${test.url}/v1/messages`, { method: 'POST', headers: { 'x-api-key': SECRET }, body: JSON.stringify({ model: 'claude-sonnet-4-6', max_tokens: 10, messages, stream: true }) })
    expect(await raw.text()).toMatch(/^event: message_start\ndata: \{/)
    await test.finops.flush()
    expect(test.records[0]).toMatchObject({ usage: { inputTokens: 4, outputTokens: 3 } })
  })

  it('accepts a non-streamed call with a large max_tokens (no SDK "streaming is required" refusal)', async () => {
    const message = await test.anthropic(SECRET, { timeout: 60_000 }).messages.create({ model: 'claude-opus-4-1', max_tokens: 64_000, messages })
    expect(message.stop_reason).toBe('end_turn')
  })

  it('forwards count_tokens without recording a model call', async () => {
    const count = await test.anthropic(SECRET).messages.countTokens({ model: 'claude-sonnet-4-6', messages })
    expect(count.input_tokens).toBe(4)
    await test.finops.flush()
    expect(test.records).toEqual([])
  })

  it('passes the anthropic-beta header on to the upstream', async () => {
    await test.anthropic(SECRET).messages.create({ model: 'claude-sonnet-4-6', max_tokens: 10, messages }, { headers: { 'anthropic-beta': 'context-1m-2025-08-07' } })
    expect(test.provider.requests[0]?.headers['anthropic-beta']).toBe('context-1m-2025-08-07')
  })
})
