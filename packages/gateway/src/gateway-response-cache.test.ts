import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestGateway, type TestGateway } from './test-gateway.js'

const SUPPORT = 'vk-test-support-secret'
const SALES = 'vk-test-sales-secret'
const messages = [{ role: 'user' as const, content: 'What are your opening hours' }]
const question = { model: 'gpt-4o', temperature: 0, messages }
let test: TestGateway

beforeEach(async () => {
  await test?.close()
  test = await startTestGateway({
    keys: {
      [SUPPORT]: { id: 'vk_support', attribution: { team: 'support' } },
      [SALES]: { id: 'vk_sales', attribution: { team: 'sales' } },
    },
    finops: { cache: {} },
  })
})
afterAll(() => test.close())

const upstreamCalls = (path: string) => test.provider.requests.filter((request) => request.path.endsWith(path)).length

describe('the response cache behind the gateway (createFinOps({ cache }))', () => {
  it('answers a repeated temperature-0 chat call from the cache: the upstream sees it once, the second record is a free hit', async () => {
    const client = test.openai(SUPPORT)
    const first = await client.chat.completions.create(question)
    const second = await client.chat.completions.create(question)
    expect(second).toEqual(first)
    expect(upstreamCalls('/chat/completions')).toBe(1)
    await test.finops.flush()
    expect(test.records.map((record) => record.cost?.amount === 0)).toEqual([false, true])
    expect(test.records[1]).toMatchObject({ cacheHit: { costAvoided: test.records[0]!.cost }, attribution: { team: 'support' } })
  })

  it('keeps virtual keys of different teams apart, and sends calls that did not opt in', async () => {
    await test.openai(SUPPORT).chat.completions.create(question)
    await test.openai(SALES).chat.completions.create(question)
    await test.openai(SUPPORT).chat.completions.create({ model: 'gpt-4o', messages })
    expect(upstreamCalls('/chat/completions')).toBe(3)
  })

  it('replays a stored stream as server-sent events', async () => {
    test.provider.setReplyWords(4)
    const read = async () => {
      const chunks: string[] = []
      for await (const chunk of await test.openai(SUPPORT).chat.completions.create({ ...question, stream: true })) chunks.push(chunk.choices[0]?.delta.content ?? '')
      return chunks.join('')
    }
    const first = await read()
    expect(await read()).toBe(first)
    expect(first.trim().split(/\s+/)).toHaveLength(4)
    expect(upstreamCalls('/chat/completions')).toBe(1)
  })

  it('answers a repeated Anthropic message from the cache, apart for each forwarded feature-flag header', async () => {
    const client = test.anthropic(SUPPORT)
    const request = { model: 'claude-sonnet-4-5', max_tokens: 64, temperature: 0, messages }
    const first = await client.messages.create(request)
    expect(await client.messages.create(request)).toEqual(first)
    expect(upstreamCalls('/messages')).toBe(1)
    const beta = { headers: { 'anthropic-beta': 'context-1m-2025-08-07' } }
    await client.messages.create(request, beta)
    await client.messages.create(request, beta)
    expect(upstreamCalls('/messages')).toBe(2)
  })
})
