import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestGateway, type TestGateway } from './test-gateway.js'

const SECRET = 'vk-test-support-secret'
const messages = [{ role: 'user' as const, content: 'Where is my parcel' }]
let test: TestGateway

beforeEach(async () => {
  await test?.close()
  test = await startTestGateway({ keys: { [SECRET]: { id: 'vk_support', attribution: { team: 'support', feature: 'rag' }, userHeader: 'x-finops-user' } } })
})
afterAll(() => test.close())

describe('OpenAI endpoints through the gateway', () => {
  it('answers a chat completion and records its usage under the key attribution', async () => {
    const completion = await test.openai(SECRET).chat.completions.create({ model: 'gpt-4o', messages }, { headers: { 'x-finops-user': 'k.herings' } })
    expect(completion.choices[0]?.message.content).toBeTruthy()
    expect(completion.usage).toMatchObject({ prompt_tokens: 4 })
    await test.finops.flush()
    expect(test.records).toHaveLength(1)
    expect(test.records[0]).toMatchObject({ model: 'gpt-4o', attribution: { team: 'support', feature: 'rag', user: 'k.herings' } })
    expect(test.provider.requests[0]?.headers.authorization).toBe('Bearer sk-upstream-openai-SECRET-1234')
  })

  it('streams chat chunks and hides the usage chunk it asked the upstream for', async () => {
    test.provider.setReplyWords(5)
    const stream = await test.openai(SECRET).chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    const chunks = []
    for await (const chunk of stream) chunks.push(chunk)
    expect(chunks.every((chunk) => chunk.choices.length > 0)).toBe(true)
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('').trim().split(/\s+/)).toHaveLength(5)
    expect(test.provider.requests[0]?.body).toMatchObject({ stream_options: { include_usage: true } })
    await test.finops.flush()
    expect(test.records[0]).toMatchObject({ usage: { inputTokens: 4, outputTokens: 5 } })
  })

  it('passes the usage chunk on when the caller asked for it', async () => {
    const stream = await test.openai(SECRET).chat.completions.create({ model: 'gpt-4o', messages, stream: true, stream_options: { include_usage: true } })
    const chunks = []
    for await (const chunk of stream) chunks.push(chunk)
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 4 } })
  })

  it('forwards unknown request fields unchanged and returns unknown response fields', async () => {
    const body = { model: 'gpt-4o', messages, future_option: { nested: [1, 2] } }
    const response = await fetch(`${test.url}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
    expect(response.status).toBe(200)
    expect(test.provider.requests[0]?.body).toMatchObject({ future_option: { nested: [1, 2] } })
    expect(await response.json()).toMatchObject({ object: 'chat.completion', system_fingerprint: expect.anything() })
  })

  it('answers Responses API calls, plain and streamed as named events', async () => {
    const client = test.openai(SECRET)
    const response = await client.responses.create({ model: 'gpt-4o', input: 'Summarise the ticket' })
    expect(response.status).toBe('completed')
    const events: string[] = []
    for await (const event of await client.responses.create({ model: 'gpt-4o', input: 'Summarise the ticket', stream: true })) events.push(event.type)
    expect(events[0]).toBe('response.created')
    expect(events.at(-1)).toBe('response.completed')
    const raw = await fetch(`${test.url}/v1/responses`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}` }, body: JSON.stringify({ model: 'gpt-4o', input: 'Hi', stream: true }) })
    expect(await raw.text()).toMatch(/^event: response\.created\ndata: \{/)
    await test.finops.flush()
    expect(test.records.map((record) => record.operation)).toEqual(['chat', 'chat', 'chat'])
  })

  it('answers embeddings', async () => {
    const embeddings = await test.openai(SECRET).embeddings.create({ model: 'text-embedding-3-small', input: 'parcel delayed' })
    expect(embeddings.data[0]?.embedding.length).toBeGreaterThan(0)
    await test.finops.flush()
    expect(test.records[0]).toMatchObject({ operation: 'embeddings', usage: { inputTokens: 2 } })
  })

  it('forwards GET /v1/models with the provider key and passes the upstream answer through', async () => {
    const response = await fetch(`${test.url}/v1/models`, { headers: { authorization: `Bearer ${SECRET}` } })
    // The fake provider has no model list: its 404 comes back as it was sent.
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ error: { message: 'Unknown route GET /v1/models' } })
    expect(test.provider.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models', headers: { authorization: 'Bearer sk-upstream-openai-SECRET-1234' } })
  })
})
