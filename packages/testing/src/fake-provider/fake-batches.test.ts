import Anthropic from '@anthropic-ai/sdk'
import OpenAI, { toFile } from 'openai'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fakeProvider, type FakeProvider } from './fake-provider.js'

let provider: FakeProvider
let openai: OpenAI
let anthropic: Anthropic

beforeAll(async () => {
  provider = await fakeProvider()
  openai = new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' })
  anthropic = new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'test' })
})
beforeEach(() => provider.reset())
afterAll(() => provider.close())

// Two chat requests of 4 and 3 input words; each reply is 16 words.
const inputLines = [
  { custom_id: 'first', method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Summarise this ticket please' }] } },
  { custom_id: 'second', method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Classify this email' }] } },
]

async function uploadInput(): Promise<string> {
  const jsonl = inputLines.map((line) => JSON.stringify(line)).join('\n')
  const file = await openai.files.create({ file: await toFile(Buffer.from(jsonl), 'batch.jsonl'), purpose: 'batch' })
  expect(file).toMatchObject({ object: 'file', purpose: 'batch', filename: 'batch.jsonl', bytes: jsonl.length })
  return file.id
}

describe('OpenAI batches', () => {
  it('keeps a batch in progress until completeBatch, then reports its model, usage and output file', async () => {
    const input = await uploadInput()
    const created = await openai.batches.create({ input_file_id: input, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { job: 'nightly' } })
    expect(created).toMatchObject({ object: 'batch', status: 'validating', metadata: { job: 'nightly' }, request_counts: { total: 2, completed: 0 } })
    expect((await openai.batches.retrieve(created.id)).status).toBe('in_progress')

    provider.completeBatch(created.id)
    const done = await openai.batches.retrieve(created.id)
    expect(done).toMatchObject({
      status: 'completed',
      model: 'gpt-4o-mini',
      request_counts: { total: 2, completed: 2, failed: 0 },
      usage: { input_tokens: 7, input_tokens_details: { cached_tokens: 0 }, output_tokens: 32, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 39 },
    })
    const output = await (await openai.files.content(done.output_file_id!)).text()
    const lines = output.trim().split('\n').map((line) => JSON.parse(line) as { custom_id: string; response: { status_code: number; body: { usage: unknown } } })
    expect(lines.map((line) => [line.custom_id, line.response.status_code])).toEqual([['first', 200], ['second', 200]])
    expect(lines[0]?.response.body.usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 16 })
  })

  it('answers 404 for an unknown batch and throws on completing one', async () => {
    await expect(openai.batches.retrieve('batch_missing')).rejects.toMatchObject({ status: 404 })
    expect(() => provider.completeBatch('batch_missing')).toThrow(/no batch 'batch_missing'/)
  })
})

describe('Anthropic message batches', () => {
  const requests = [
    { custom_id: 'a', params: { model: 'claude-haiku-4-5', max_tokens: 100, messages: [{ role: 'user' as const, content: 'Hello there' }] } },
    { custom_id: 'b', params: { model: 'claude-haiku-4-5', max_tokens: 4, messages: [{ role: 'user' as const, content: 'Tell me a story' }] } },
  ]

  it('ends a batch on completeBatch and streams one succeeded result per request', async () => {
    const created = await anthropic.messages.batches.create({ requests })
    expect(created).toMatchObject({ type: 'message_batch', processing_status: 'in_progress', results_url: null, request_counts: { processing: 2 } })
    await expect(anthropic.messages.batches.results(created.id)).rejects.toThrow(/results_url/)

    provider.completeBatch(created.id)
    const ended = await anthropic.messages.batches.retrieve(created.id)
    expect(ended).toMatchObject({ processing_status: 'ended', request_counts: { processing: 0, succeeded: 2 } })
    expect(ended.results_url).toBe(`${provider.url}/v1/messages/batches/${created.id}/results`)
    const results = []
    for await (const line of await anthropic.messages.batches.results(created.id)) results.push(line)
    expect(results).toMatchObject([
      { custom_id: 'a', result: { type: 'succeeded', message: { model: 'claude-haiku-4-5', usage: { input_tokens: 2, output_tokens: 16 } } } },
      { custom_id: 'b', result: { type: 'succeeded', message: { stop_reason: 'max_tokens', usage: { input_tokens: 4, output_tokens: 4 } } } },
    ])
  })

  it('serves beta.messages.batches on the same routes', async () => {
    const created = await anthropic.beta.messages.batches.create({ requests })
    provider.completeBatch(created.id)
    const results = []
    for await (const line of await anthropic.beta.messages.batches.results(created.id)) results.push(line.custom_id)
    expect(results).toEqual(['a', 'b'])
  })
})
